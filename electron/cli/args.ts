/** A tiny, strict argument reader for the `hearth` CLI: positionals plus `--flag value` / `--switch`. */
import { HearthError } from '../../shared/errors';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits argv into positionals and flags; `booleans` lists flags that take no value.
 *
 * @example
 * parseArgs(['demo', 'a.hearth', '--members', '10', '--json'], ['json'])
 * // { positionals: ['demo', 'a.hearth'], flags: Map { 'members' => '10', 'json' => true } }
 */
export function parseArgs(argv: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.includes(name)) {
      // A switch that some command also uses with a value (`--csv=out.csv`) keeps it.
      flags.set(name, inline ?? true);
    } else if (inline !== undefined) {
      flags.set(name, inline);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new HearthError('invalid_argument', `--${name} needs a value`, { flag: name });
      }
      flags.set(name, value);
      i += 1;
    }
  }
  return { positionals, flags };
}

/** Reads a string flag. */
export function flag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Reads a positive integer flag, with a clear error naming the flag. */
export function intFlag(args: ParsedArgs, name: string, fallback: number): number {
  const text = flag(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new HearthError('invalid_argument', `--${name} must be a whole number, got "${text}"`, { flag: name });
  }
  return value;
}

/** Refuses flags the command does not know, so a typo never passes silently. */
export function allowFlags(args: ParsedArgs, command: string, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!allowed.includes(name)) {
      throw new HearthError('invalid_argument', `Unknown option --${name} for "${command}"`, { flag: name });
    }
  }
}

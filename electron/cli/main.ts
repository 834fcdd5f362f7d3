/**
 * `hearth` — the command-line interface over the same services the UI uses.
 * Usage: npm run hearth -- <command> [args]   (see `npm run hearth -- help`)
 */
import { HearthError, toErrorData } from '../../shared/errors';
import { createServices, type Services } from '../services';
import { parseArgs, type ParsedArgs } from './args';
import { commands } from './commands';

const BOOLEAN_FLAGS = ['json', 'csv', 'help', 'no-score'];

function usage(): string {
  const lines = ['Usage: npm run hearth -- <command> [options]', '', 'Commands:'];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage.padEnd(64)} ${command.summary}`);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args: ParsedArgs = parseArgs(argv, BOOLEAN_FLAGS);
  const [name, ...rest] = args.positionals;
  if (!name || name === 'help' || args.flags.has('help')) {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) throw new HearthError('invalid_argument', `Unknown command "${name}". Try: npm run hearth -- help`);
  const services: Services = createServices();
  try {
    return await command.run({ ...args, positionals: rest }, services);
  } finally {
    await services.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // For benchmarks: the peak memory of this whole command.
    if (process.env.HEARTH_REPORT_RSS) process.stderr.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
  },
  (error: unknown) => {
    const data = toErrorData(error);
    process.stderr.write(`hearth: ${data.message}\n`);
    if (data.code === 'internal' && process.env.HEARTH_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    process.exitCode = data.code === 'invalid_argument' ? 2 : 1;
  },
);

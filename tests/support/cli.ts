import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `hearth <args>` as `npm run hearth --` does, with its own state folder. */
export function hearth(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const root = path.resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

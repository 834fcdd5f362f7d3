import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `hearth <args>` as a child process (as `npm run hearth --` does) without waiting, so a
 * test can kill it; `exited` resolves once the process is gone and its output is read.
 */
export function startHearth(
  args: readonly string[],
  env: Record<string, string>,
): { child: ChildProcess; exited: Promise<Exit> } {
  const root = path.resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    // 'close' rather than 'exit': the pipes are drained too.
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** Runs `hearth <args>` to completion. */
export function runHearth(args: readonly string[], env: Record<string, string>): Promise<Exit> {
  return startHearth(args, env).exited;
}

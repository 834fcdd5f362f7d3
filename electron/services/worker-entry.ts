/**
 * Finding a worker thread's entry in both ways Hearth runs: built by electron-vite (an entry of
 * its own in out/main, beside the bundle or the chunk folder the caller landed in), or from the
 * source tree through tsx, where a one-line script registers tsx in the new thread first (Node 20
 * does not pass the main thread's module hooks on to workers).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerEntry {
  /** A file path, or code when `eval`. */
  script: string;
  eval: boolean;
}

/**
 * The entry named `name` for a caller whose module sits in `callerDir` (its import.meta.dirname),
 * or null when there is none (then the caller does the work itself).
 *
 * @example
 * workerEntry(import.meta.dirname, 'import-worker') // { script: '/app/out/main/import-worker.js', eval: false }
 */
export function workerEntry(callerDir: string, name: string): WorkerEntry | null {
  for (const dir of [callerDir, path.dirname(callerDir)]) {
    const built = path.join(dir, `${name}.js`);
    if (fs.existsSync(built)) return { script: built, eval: false };
  }
  const source = path.join(callerDir, `${name}.ts`);
  if (!fs.existsSync(source)) return null;
  try {
    // tsx's ES-module API sits beside the CommonJS file `require` resolves to.
    const api = createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    if (!fs.existsSync(api)) return null;
    const [apiUrl, sourceUrl] = [api, source].map((file) => JSON.stringify(pathToFileURL(file).href));
    return {
      script: `import(${apiUrl}).then(({ register }) => { register(); return import(${sourceUrl}); })`,
      eval: true,
    };
  } catch {
    return null;
  }
}

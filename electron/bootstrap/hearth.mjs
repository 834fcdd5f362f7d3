// `npm run hearth -- <command>`: the CLI. The built one (out/main/cli.js, from `npm run build`,
// `npm start` or `npm test`) runs on plain Node when it is at least as new as every source file:
// without a TypeScript runner in memory it starts ~1 s sooner and an import's peak memory is
// ~100 MB lower. Otherwise the sources run through tsx, so an edit is never run stale.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuiltCurrent, root } from './ensure.mjs';

/** Whether the built CLI is current: newer than every file of the code it was built from. */
export function builtCliIsCurrent() {
  return isBuiltCurrent(path.join(root, 'out', 'main', 'cli.js'), ['electron', 'db', 'shared', 'resources']);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'electron', 'bootstrap', 'hearth.mjs')) {
  if (process.env.HEARTH_CLI_FROM_SOURCE !== '1' && builtCliIsCurrent()) {
    await import(pathToFileURL(path.join(root, 'out', 'main', 'cli.js')).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(path.join(root, 'electron', 'cli', 'main.ts')).href);
  }
}

/** Where Hearth keeps its own state and, by default, new workspace files. */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

/**
 * The folder for app state (recent list, preferences). `HEARTH_HOME` overrides; Electron passes
 * its userData folder there so both hosts share one recent list.
 */
export function defaultHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HEARTH_HOME) return path.resolve(env.HEARTH_HOME);
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Hearth');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Hearth');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'hearth');
  }
}

/** The folder new workspaces go to unless the user picks a path: ~/Documents/Hearth when there is a Documents folder. */
export function defaultWorkspacesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HEARTH_WORKSPACES_DIR) return path.resolve(env.HEARTH_WORKSPACES_DIR);
  const home = os.homedir();
  const documents = path.join(home, 'Documents');
  return fs.existsSync(documents) ? path.join(documents, 'Hearth') : path.join(home, 'Hearth');
}

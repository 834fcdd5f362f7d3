/**
 * App-level state that is not part of any workspace: the recent list, the last workspace and UI
 * preferences. Kept as one small JSON file, replaced atomically on every change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { localeSchema } from '../../shared/workspace';

const stateSchema = z.object({
  recent: z.array(z.object({ path: z.string(), name: z.string(), lastOpenedAt: z.number() })).default([]),
  lastWorkspace: z.string().nullable().default(null),
  /** The team-share folder (a NAS, Dropbox, 坚果云, a mounted drive): per machine, as mount points differ. */
  shareFolder: z.string().nullable().default(null),
  preferences: z.object({ language: localeSchema.nullable().default(null) }).default({ language: null }),
});
export type AppState = z.infer<typeof stateSchema>;

const MAX_RECENT = 20;

export class AppStateStore {
  private state: AppState;
  private readonly file: string;

  constructor(homeDir: string) {
    this.file = path.join(homeDir, 'state.json');
    this.state = AppStateStore.load(this.file);
  }

  private static load(file: string): AppState {
    try {
      return stateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        // A damaged state file only costs the recent list; keep a copy for inspection.
        fs.copyFileSync(file, `${file}.damaged`);
      }
      return stateSchema.parse({});
    }
  }

  get(): AppState {
    return this.state;
  }

  update(change: (state: AppState) => AppState): AppState {
    this.state = stateSchema.parse(change(this.state));
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    fs.renameSync(tmp, this.file);
    return this.state;
  }

  /** Moves `file` to the top of the recent list with its current name. */
  touchRecent(file: string, name: string, now: number): void {
    this.update((s) => ({
      ...s,
      lastWorkspace: file,
      recent: [{ path: file, name, lastOpenedAt: now }, ...s.recent.filter((r) => r.path !== file)].slice(
        0,
        MAX_RECENT,
      ),
    }));
  }
}

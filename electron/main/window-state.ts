/** Remembers the window's size, position and maximised state between runs. */
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const width = typeof raw.width === 'number' && raw.width >= 640 ? raw.width : DEFAULT_STATE.width;
    const height = typeof raw.height === 'number' && raw.height >= 480 ? raw.height : DEFAULT_STATE.height;
    const state: WindowState = { width, height, maximized: raw.maximized === true };
    if (typeof raw.x === 'number' && typeof raw.y === 'number') {
      state.x = raw.x;
      state.y = raw.y;
    }
    return state;
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'window-state.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
  fs.renameSync(`${file}.tmp`, file);
}

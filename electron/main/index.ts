/**
 * The Electron main process: one secure window, native dialogs and menus, and a relay to the
 * services running in a utility process.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { ServicesBridge } from './services-bridge';
import { CONTENT_SECURITY_POLICY, isExternalUrlAllowed, secureWebPreferences } from './security';
import { loadWindowState, saveWindowState, type WindowState } from './window-state';

const rendererIndex = path.join(import.meta.dirname, '../renderer/index.html');
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

function workspaceArg(argv: readonly string[]): string | undefined {
  const arg = argv.find((a) => a.startsWith('--workspace='));
  return arg ? path.resolve(arg.slice('--workspace='.length)) : undefined;
}

function isOurPage(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  try {
    return new URL(url).protocol === 'file:' && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

function onScreen(state: WindowState): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const { x, y, width, height } = state as Required<WindowState>;
  return screen.getAllDisplays().some(({ workArea: a }) => x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y);
}

function createWindow(): BrowserWindow {
  const stateDir = app.getPath('userData');
  const state = loadWindowState(stateDir);
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(onScreen(state) ? { x: state.x, y: state.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Hearth',
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(stateDir, { ...bounds, maximized: win.isMaximized() });
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererIndex);
  return win;
}

function harden(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalUrlAllowed(url)) {
        void dialog
          .showMessageBox({
            type: 'question',
            buttons: ['Open', 'Cancel'],
            defaultId: 1,
            message: `Open this link in your browser?\n${url}`,
          })
          .then(({ response }) => (response === 0 ? shell.openExternal(url) : undefined));
      }
      return { action: 'deny' };
    });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  harden();
  const requested = workspaceArg(process.argv);
  const services = new ServicesBridge({
    HEARTH_HOME: app.getPath('userData'),
    ...(requested ? { HEARTH_OPEN_WORKSPACE: requested } : {}),
  });

  ipcMain.handle('hearth:call', (event, method: unknown, input: unknown) => {
    if (!event.senderFrame || !isOurPage(event.senderFrame.url) || typeof method !== 'string') {
      return { ok: false, error: { code: 'unauthorized', message: 'Call from an unknown page' } };
    }
    // The services validate `input` against the contract; the main process only relays.
    return services.call(method, input);
  });

  ipcMain.handle('hearth:dialog', async (event, kind: unknown, suggestedName: unknown) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || !event.senderFrame || !isOurPage(event.senderFrame.url)) return null;
    const filters = [{ name: 'Hearth workspace', extensions: ['hearth'] }];
    if (kind === 'open') {
      const result = await dialog.showOpenDialog(win, { properties: ['openFile'], filters });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    if (kind === 'save') {
      const name = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/:*?"<>|]+/g, ' ').trim() : '';
      const result = await dialog.showSaveDialog(win, {
        filters,
        defaultPath: path.join(app.getPath('documents'), `${name || 'workspace'}.hearth`),
      });
      return result.canceled ? null : (result.filePath ?? null);
    }
    return null;
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );

  await services.ready;
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => services.stop());
}

void start();

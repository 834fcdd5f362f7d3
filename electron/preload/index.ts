/**
 * The preload bridge: exposes `window.hearth`, a thin client of the contract, to a sandboxed,
 * context-isolated renderer. It passes calls to the main process over one IPC channel and never
 * hands the page any Electron object.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { Envelope, HearthEvent } from '../../shared/api';

const bridge = {
  call: (method: string, input: unknown): Promise<Envelope<unknown>> =>
    ipcRenderer.invoke('hearth:call', method, input) as Promise<Envelope<unknown>>,
  onEvent(listener: (event: HearthEvent) => void): () => void {
    const relay = (_e: IpcRendererEvent, event: HearthEvent): void => listener(event);
    ipcRenderer.on('hearth:event', relay);
    return () => ipcRenderer.removeListener('hearth:event', relay);
  },
  /** The real path of a file the user dropped or picked (Electron's File objects have one). */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  dialogs: {
    openWorkspace: (): Promise<string | null> => ipcRenderer.invoke('hearth:dialog', 'open') as Promise<string | null>,
    saveWorkspace: (suggestedName: string): Promise<string | null> =>
      ipcRenderer.invoke('hearth:dialog', 'save', suggestedName) as Promise<string | null>,
  },
};

contextBridge.exposeInMainWorld('hearth', bridge);

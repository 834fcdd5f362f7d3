/**
 * The main process's side of the services: forks the utility process, relays calls from the one
 * IPC channel to it and pushes its events to every window. The main process runs no queries.
 */
import path from 'node:path';
import { BrowserWindow, utilityProcess, type UtilityProcess } from 'electron';
import type { Envelope } from '../../shared/api';
import type { FromServices, ToServices } from '../utility/services-process';
import { printHtmlToPdf } from './print';

export class ServicesBridge {
  private readonly child: UtilityProcess;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private nextId = 1;
  readonly ready: Promise<void>;

  constructor(env: Record<string, string>) {
    this.child = utilityProcess.fork(path.join(import.meta.dirname, 'services.js'), [], {
      serviceName: 'Hearth services',
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => {
      markReady = resolve;
    });
    this.child.on('message', (message: FromServices) => {
      if (message.kind === 'ready') markReady();
      else if (message.kind === 'print') {
        printHtmlToPdf(message.html, message.file).then(
          ({ pages }) => this.child.postMessage({ kind: 'printed', id: message.id, pages, error: null } satisfies ToServices),
          (error: unknown) =>
            this.child.postMessage({
              kind: 'printed',
              id: message.id,
              pages: null,
              error: error instanceof Error ? error.message : String(error),
            } satisfies ToServices),
        );
      }
      else if (message.kind === 'event') {
        for (const win of BrowserWindow.getAllWindows()) win.webContents.send('hearth:event', message.event);
      } else {
        this.pending.get(message.id)?.(message.envelope);
        this.pending.delete(message.id);
      }
    });
    this.child.on('exit', (code) => {
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message: `The services process stopped (exit ${code})` } });
      }
      this.pending.clear();
    });
  }

  call(method: string, input: unknown): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ kind: 'call', id, method, input } satisfies ToServices);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/**
 * Entry of the Electron utility process that runs the application services, so a long query
 * never blocks the main process's event loop. It talks to the main process over `parentPort`;
 * it does not import Electron.
 */
import type { Envelope, HearthEvent } from '../../shared/api';
import { createServices } from '../services';
import type { PdfPrinter } from '../services/report/pdf';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export type ToServices =
  | { kind: 'call'; id: number; method: string; input: unknown }
  | { kind: 'printed'; id: number; pages: number | null; error: string | null };
export type FromServices =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: HearthEvent }
  | { kind: 'print'; id: number; html: string; file: string }
  | { kind: 'ready' };

function parentPortOf(proc: NodeJS.Process): ParentPort {
  const port = (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (!port) throw new Error('services-process must be started with utilityProcess.fork');
  return port;
}

const port = parentPortOf(process);

// Reports print with Electron's Chromium, which only the main process can drive: ask it.
const printing = new Map<number, { resolve: (pages: number) => void; reject: (error: Error) => void }>();
let nextPrint = 1;
const printPdf: PdfPrinter = (html, file) =>
  new Promise((resolve, reject) => {
    const id = nextPrint++;
    printing.set(id, { resolve: (pages) => resolve({ pages }), reject });
    port.postMessage({ kind: 'print', id, html, file } satisfies FromServices);
  });

const services = createServices({ printPdf });
services.ctx.events.subscribe((event) => port.postMessage({ kind: 'event', event } satisfies FromServices));

port.on('message', ({ data }) => {
  const message = data as ToServices;
  if (message?.kind === 'printed') {
    const pending = printing.get(message.id);
    printing.delete(message.id);
    if (message.error !== null || message.pages === null) pending?.reject(new Error(message.error ?? 'printing failed'));
    else pending?.resolve(message.pages);
    return;
  }
  if (message?.kind !== 'call') return;
  void services.router.call(message.method, message.input).then((envelope) => {
    port.postMessage({ kind: 'result', id: message.id, envelope } satisfies FromServices);
  });
});

async function openInitialWorkspace(): Promise<void> {
  const requested = process.env.HEARTH_OPEN_WORKSPACE;
  const last = services.ctx.appState.get().lastWorkspace;
  const file = requested || last;
  if (file) await services.router.call('workspace/open', { path: file });
}

void openInitialWorkspace().then(() => port.postMessage({ kind: 'ready' } satisfies FromServices));

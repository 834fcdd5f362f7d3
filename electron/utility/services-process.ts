/**
 * Entry of the Electron utility process that runs the application services, so a long query
 * never blocks the main process's event loop. It talks to the main process over `parentPort`;
 * it does not import Electron.
 */
import type { Envelope, HearthEvent } from '../../shared/api';
import { createServices } from '../services';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export type ToServices = { kind: 'call'; id: number; method: string; input: unknown };
export type FromServices =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: HearthEvent }
  | { kind: 'ready' };

function parentPortOf(proc: NodeJS.Process): ParentPort {
  const port = (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (!port) throw new Error('services-process must be started with utilityProcess.fork');
  return port;
}

const port = parentPortOf(process);
const services = createServices();
services.ctx.events.subscribe((event) => port.postMessage({ kind: 'event', event } satisfies FromServices));

port.on('message', ({ data }) => {
  const message = data as ToServices;
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

import path from 'node:path';
import { createServices, type Services } from '../../electron/services';
import type { Input, Method, Output } from '../../shared/api';
import { tempDir } from './tmp';

/** Services with their own home and workspaces folders, and a fixed clock (or the given one). */
export function testServices(now: number | (() => number) = Date.UTC(2026, 10, 24, 8)): Services & { dir: string } {
  const dir = tempDir();
  const services = createServices({
    homeDir: path.join(dir, 'home'),
    workspacesDir: path.join(dir, 'workspaces'),
    now: typeof now === 'function' ? now : () => now,
  });
  return Object.assign(services, { dir });
}

/** Calls through the router as a transport would, throwing the HearthError on failure. */
export async function call<M extends Method>(services: Services, method: M, input: Input<M>): Promise<Output<M>> {
  return (await services.router.invoke(method, input)) as Output<M>;
}

/**
 * Builds the application services for one host process (Electron utility process, browser host
 * or CLI). Nothing here imports Electron.
 */
import fs from 'node:fs';
import { AppStateStore } from './app-state';
import type { ServiceContext } from './context';
import { EventBus } from './events';
import { defaultHomeDir, defaultWorkspacesDir } from './paths';
import { Router } from './router';
import { WorkspaceSession } from './workspace-session';
import { appHandlers, workspaceHandlers } from './workspaces';
import { appVersion } from './version';
import { importHandlers } from './import/handlers';
import { mergeHandlers } from './merge';
import { memberHandlers } from './members/handlers';
import { kpiHandlers } from './kpi/handlers';
import { calendarHandlers } from './calendar/handlers';
import { crisisHandlers } from './crisis/handlers';
import { reportHandlers } from './report/handlers';
import { shareHandlers } from './share/handlers';
import { chromiumPdfPrinter, type PdfPrinter } from './report/pdf';

export interface ServicesOptions {
  homeDir?: string;
  workspacesDir?: string;
  now?: () => number;
  /** How reports become PDFs; headless Chromium unless the host has a better way (Electron). */
  printPdf?: PdfPrinter;
}

export interface Services {
  readonly router: Router;
  readonly ctx: ServiceContext;
  dispose(): Promise<void>;
}

/**
 * Creates the context and the router with every domain registered.
 *
 * @example
 * const { router } = createServices({ homeDir: '/tmp/h' });
 * await router.call('workspace/recent', {});
 */
export function createServices(options: ServicesOptions = {}): Services {
  const homeDir = options.homeDir ?? defaultHomeDir();
  fs.mkdirSync(homeDir, { recursive: true });
  const ctx: ServiceContext = {
    version: appVersion,
    homeDir,
    workspacesDir: options.workspacesDir ?? defaultWorkspacesDir(),
    appState: new AppStateStore(homeDir),
    session: new WorkspaceSession(),
    events: new EventBus(),
    now: options.now ?? Date.now,
    runningImports: new Map(),
    printPdf: options.printPdf ?? chromiumPdfPrinter,
  };
  const router = new Router(ctx)
    .register(appHandlers)
    .register(workspaceHandlers)
    .register(importHandlers)
    .register(mergeHandlers)
    .register(memberHandlers)
    .register(kpiHandlers)
    .register(calendarHandlers)
    .register(crisisHandlers)
    .register(reportHandlers)
    .register(shareHandlers)
    .assertComplete();
  return {
    router,
    ctx,
    dispose: () => ctx.session.close(),
  };
}

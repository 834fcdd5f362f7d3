import type { AppStateStore } from './app-state';
import type { EventBus } from './events';
import type { WorkspaceSession } from './workspace-session';
import type { PdfPrinter } from './report/pdf';

/** Everything a service handler may use; passed in, never a module-level singleton. */
export interface ServiceContext {
  readonly version: string;
  readonly homeDir: string;
  readonly workspacesDir: string;
  readonly appState: AppStateStore;
  readonly session: WorkspaceSession;
  readonly events: EventBus;
  readonly now: () => number;
  /** Imports under way, by the id their caller chose, so they can be cancelled. */
  readonly runningImports: Map<string, AbortController>;
  /** Prints report HTML to PDF: headless Chromium here, Electron's printToPDF in the desktop app. */
  readonly printPdf: PdfPrinter;
}

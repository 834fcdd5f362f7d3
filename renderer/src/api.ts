/**
 * The renderer's one client of the contract. It picks the transport it finds: the Electron
 * preload bridge (`window.hearth`), otherwise the browser host over HTTP with the per-start token
 * from the page URL.
 */
import type { Envelope, HearthClient, HearthEvent, Input, Method, Output } from '../../shared/api';
import { HearthError, isErrorData } from '../../shared/errors';

/** What the preload script exposes on `window.hearth`. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: HearthEvent) => void): () => void;
  pathForFile(file: File): string;
  dialogs: {
    openWorkspace(): Promise<string | null>;
    saveWorkspace(suggestedName: string): Promise<string | null>;
  };
}

declare global {
  interface Window {
    hearth?: PreloadBridge;
  }
}

function unwrap<T>(envelope: Envelope<unknown>): T {
  if (envelope.ok) return envelope.data as T;
  const { code, message, details } = envelope.error;
  throw new HearthError(code, message, details);
}

function bridgeClient(bridge: PreloadBridge): HearthClient {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      return unwrap<Output<M>>(await bridge.call(method, input));
    },
    onEvent: (listener) => bridge.onEvent(listener),
    fileToPath: async (file) => bridge.pathForFile(file),
  };
}

const TOKEN_KEY = 'hearth.token';

/** Takes the token from `?token=` once, keeps it for this tab, and removes it from the address bar. */
function hostToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(token: string): HearthClient {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      const body: unknown = await response.json().catch(() => null);
      if (body && typeof body === 'object' && 'ok' in body) return unwrap<Output<M>>(body as Envelope<unknown>);
      if (isErrorData(body)) throw new HearthError(body.code, body.message, body.details);
      throw new HearthError('internal', `The Hearth host answered ${response.status} ${response.statusText}`);
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as HearthEvent);
      return () => source.close();
    },
    async fileToPath(file) {
      const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: file,
      });
      const body = (await response.json()) as Envelope<{ path: string }>;
      return unwrap<{ path: string }>(body).path;
    },
  };
}

// The browser host's token; null in the desktop app, which needs none.
const token = window.hearth ? null : hostToken();

/** The client for this window. */
export const hearth: HearthClient = window.hearth ? bridgeClient(window.hearth) : httpClient(token ?? '');

/**
 * A link that downloads a file the services wrote (an export), in the browser host; null in the
 * desktop app, where the file is already on this computer. A plain link cannot send the
 * Authorization header, so it carries the token as `?token=`, as the event stream does.
 */
export function downloadUrl(path: string): string | null {
  if (token === null) return null;
  return `/api/download?path=${encodeURIComponent(path)}&token=${encodeURIComponent(token)}`;
}

import type { HearthEvent } from '../../shared/api';

/** Fan-out of service events to every connected UI (IPC, SSE). */
export class EventBus {
  private readonly listeners = new Set<(event: HearthEvent) => void>();

  emit(event: HearthEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: HearthEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * The name written into an incident's timeline ("who ticked this"), remembered on this computer.
 * It starts from the calendar's reviewer name: on one computer it is usually the same person.
 */
import { rememberedReviewer } from '../calendar/reviewer';

const KEY = 'hearth.crisis.actor';

export function rememberedActor(): string {
  try {
    return localStorage.getItem(KEY) ?? rememberedReviewer();
  } catch {
    return '';
  }
}

export function rememberActor(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // Storage may be off (private mode): the name is simply asked again next time.
  }
}

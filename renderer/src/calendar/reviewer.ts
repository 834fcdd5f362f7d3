/** The reviewer's name, remembered on this computer so each review does not ask again. */
const KEY = 'hearth.calendar.reviewer';

export function rememberedReviewer(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberReviewer(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // Storage may be off (private mode): the name is simply asked again next time.
  }
}

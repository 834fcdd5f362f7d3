/**
 * The calendar settings dialog's text state and its translation to the contract (settings and the
 * sensitive-word list). Pure, so the parsing of "owner,limit" and "word,category" lines is testable.
 */
import type { CalendarSettings, MixTargets, SensitiveWord } from '../../../shared/calendar';

export interface SettingsFormState {
  steps: [string, string, string];
  mix: { [G in keyof MixTargets]: Record<keyof MixTargets[G], string> };
  drift: string;
  loadDefault: string;
  /** "owner,limit" per line. */
  owners: string;
  perQuarter: string;
  minParticipants: string;
  /** "word,category" per line. */
  words: string;
}

const text = (n: number) => String(n);

function mixText<T extends Record<string, number>>(group: T): Record<keyof T, string> {
  return Object.fromEntries(Object.entries(group).map(([k, v]) => [k, text(v)])) as Record<keyof T, string>;
}

export function settingsFormState(settings: CalendarSettings, words: readonly SensitiveWord[]): SettingsFormState {
  return {
    steps: [settings.reviewSteps[0] ?? '', settings.reviewSteps[1] ?? '', settings.reviewSteps[2] ?? ''],
    mix: {
      pillar: mixText(settings.mixTargets.pillar),
      format: mixText(settings.mixTargets.format),
      source: mixText(settings.mixTargets.source),
    },
    drift: text(settings.driftPoints),
    loadDefault: text(settings.ownerWeeklyLoad.default),
    owners: Object.entries(settings.ownerWeeklyLoad.owners)
      .map(([owner, limit]) => `${owner},${limit}`)
      .join('\n'),
    perQuarter: text(settings.highValue.perQuarter),
    minParticipants: text(settings.highValue.minParticipants),
    words: words.map((w) => `${w.word},${w.category}`).join('\n'),
  };
}

/** The sum of a group's targets as typed, for "adds up to 100". */
export function groupSum(group: Record<string, string>): number {
  return Object.values(group).reduce((sum, v) => sum + (Number(v) || 0), 0);
}

function numbers<T extends Record<string, string>>(group: T): Record<keyof T, number> {
  return Object.fromEntries(Object.entries(group).map(([k, v]) => [k, Number(v) || 0])) as Record<keyof T, number>;
}

/** Lines "a,b" split at the last comma (a word or name may hold a comma; the category or limit not). */
function pairs(lines: string): [string, string | null][] {
  return lines
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const at = Math.max(l.lastIndexOf(','), l.lastIndexOf('，'));
      return at < 0 ? [l, null] : [l.slice(0, at).trim(), l.slice(at + 1).trim() || null];
    });
}

export function toSettings(state: SettingsFormState): CalendarSettings {
  const owners: Record<string, number> = {};
  for (const [owner, limit] of pairs(state.owners))
    if (owner !== '' && limit !== null) owners[owner] = Math.round(Number(limit));
  return {
    reviewSteps: state.steps.map((s) => s.trim()).filter((s) => s !== ''),
    mixTargets: {
      pillar: numbers(state.mix.pillar),
      format: numbers(state.mix.format),
      source: numbers(state.mix.source),
    },
    driftPoints: Number(state.drift),
    ownerWeeklyLoad: { default: Math.round(Number(state.loadDefault)), owners },
    highValue: {
      perQuarter: Math.round(Number(state.perQuarter)),
      minParticipants: Math.round(Number(state.minParticipants)),
    },
  };
}

/**
 * The word list from "word,category" lines; a line without a category is 'general'.
 *
 * @example
 * toWords('最低价,广告法\n稳赚') // [{ word: '最低价', category: '广告法' }, { word: '稳赚', category: 'general' }]
 */
export function toWords(lines: string): SensitiveWord[] {
  return pairs(lines)
    .filter(([word]) => word !== '')
    .map(([word, category]) => ({ word, category: category ?? 'general' }));
}

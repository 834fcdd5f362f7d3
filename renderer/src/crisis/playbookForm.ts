/** The playbook editor's form: text fields as typed, turned into the contract's PlaybookInput on save. */
import type { Playbook, PlaybookInput, WarningColour } from '../../../shared/crisis';
import type { Locale } from '../../../shared/workspace';

export interface StepRow {
  title: string;
  role: string;
  /** Hours after the start, as typed ("1", "0.5", "24"). */
  dueHours: string;
  notes: string;
}

export interface PlaybookFormState {
  name: string;
  scenario: string;
  triggers: string;
  colour: WarningColour;
  level: number;
  /** One role per line. */
  roles: string;
  steps: StepRow[];
  templates: { name: string; text: string }[];
  escalation: string;
  locale: Locale;
}

/** What a new playbook starts from: one empty step for the incident lead. */
export function blankPlaybook(locale: Locale): PlaybookInput {
  return {
    name: '',
    scenario: '',
    triggers: '',
    colour: 'yellow',
    level: 2,
    roles: ['incident_lead'],
    steps: [{ title: '', role: 'incident_lead', dueMinutes: 60, notes: '' }],
    templates: [],
    escalation: '',
    locale,
  };
}

/** A stored playbook without its id and bookkeeping, for the editor. */
export function playbookInput(p: Playbook): PlaybookInput {
  return {
    name: p.name,
    scenario: p.scenario,
    triggers: p.triggers,
    colour: p.colour,
    level: p.level,
    roles: p.roles,
    steps: p.steps,
    templates: p.templates,
    escalation: p.escalation,
    locale: p.locale,
  };
}

export function playbookFormState(p: PlaybookInput): PlaybookFormState {
  return {
    name: p.name,
    scenario: p.scenario,
    triggers: p.triggers,
    colour: p.colour,
    level: p.level,
    roles: p.roles.join('\n'),
    steps: p.steps.map((s) => ({ title: s.title, role: s.role, dueHours: String(s.dueMinutes / 60), notes: s.notes })),
    templates: p.templates.map((t) => ({ ...t })),
    escalation: p.escalation,
    locale: p.locale,
  };
}

/**
 * The form as a PlaybookInput; empty step and template rows are dropped, roles that steps name are
 * added to the role list.
 *
 * @example
 * toPlaybook({ ...form, steps: [{ title: 'Holding statement', role: 'spokesperson', dueHours: '1', notes: '' }] })
 * // { …, roles: ['spokesperson'], steps: [{ title: 'Holding statement', role: 'spokesperson', dueMinutes: 60, notes: '' }] }
 */
export function toPlaybook(form: PlaybookFormState): PlaybookInput {
  const steps = form.steps
    .filter((s) => s.title.trim() !== '')
    .map((s) => ({
      title: s.title.trim(),
      role: s.role.trim() || 'incident_lead',
      dueMinutes: Math.max(0, Math.round((Number(s.dueHours) || 0) * 60)),
      notes: s.notes.trim(),
    }));
  const roles = form.roles
    .split(/[\n,，]/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
  for (const step of steps) if (!roles.includes(step.role)) roles.push(step.role);
  return {
    name: form.name.trim(),
    scenario: form.scenario.trim(),
    triggers: form.triggers.trim(),
    colour: form.colour,
    level: form.level,
    roles,
    steps,
    templates: form.templates
      .filter((t) => t.name.trim() !== '' && t.text.trim() !== '')
      .map((t) => ({ name: t.name.trim(), text: t.text })),
    escalation: form.escalation.trim(),
    locale: form.locale,
  };
}

/** `list` with item `i` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveRow<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const next = [...list];
  const a = next[i] as T;
  next[i] = next[j] as T;
  next[j] = a;
  return next;
}

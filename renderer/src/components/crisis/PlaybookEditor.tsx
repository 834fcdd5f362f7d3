import { useState, type FormEvent } from 'react';
import { colourForLevel, suggestedRoles, warningColours, type WarningColour } from '../../../../shared/crisis';
import { locales, type Locale } from '../../../../shared/workspace';
import { colourKey, levelKey, roleLabel } from '../../crisis/labels';
import { savePlaybook } from '../../crisis/mutations';
import { playbookFormState, toPlaybook, type PlaybookFormState } from '../../crisis/playbookForm';
import { editPlaybook, type EditRequest } from '../../crisis/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { StepsEditor } from './StepsEditor';
import { TemplatesEditor } from './TemplatesEditor';
import { Dialog } from '../Dialog';

const levels = [1, 2, 3, 4, 5] as const;

/** Every field of a playbook: what it is for, its colour and level, roles, steps, templates, escalation. */
export function PlaybookEditor({ request }: { request: EditRequest }) {
  const t = useT();
  const [form, setForm] = useState<PlaybookFormState>(() => playbookFormState(request.playbook));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PlaybookFormState>) => setForm({ ...form, ...patch });
  const roleOptions = [
    ...new Set([
      ...suggestedRoles,
      ...form.roles
        .split(/[\n,，]/)
        .map((r) => r.trim())
        .filter(Boolean),
    ]),
  ];
  const valid = form.name.trim() !== '' && form.steps.some((s) => s.title.trim() !== '');

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const saved = await attempt(() =>
      savePlaybook({ ...(request.id !== null ? { id: request.id } : {}), playbook: toPlaybook(form) }),
    );
    setBusy(false);
    if (saved) editPlaybook(null);
  }

  return (
    <Dialog
      titleId="cr-editor-title"
      title={request.id !== null ? t('crisis.editor.titleEdit') : t('crisis.editor.titleNew')}
      testId="playbook-editor"
      onClose={() => editPlaybook(null)}
      closeLabel={t('crisis.close')}
      wide
      onSubmit={(e) => void save(e)}
    >
      <div className="dialog-body cr-form">
        <div className="cr-grid-2">
          <div className="field">
            <label className="field-label" htmlFor="cr-pb-name">
              {t('crisis.editor.name')}
            </label>
            <input
              id="cr-pb-name"
              value={form.name}
              required
              maxLength={120}
              data-testid="pb-name"
              onChange={(e) => set({ name: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="cr-pb-locale">
              {t('crisis.editor.locale')}
            </label>
            <select
              id="cr-pb-locale"
              value={form.locale}
              data-testid="pb-locale"
              onChange={(e) => set({ locale: e.target.value as Locale })}
            >
              {locales.map((l) => (
                <option key={l} value={l}>
                  {l === 'zh-CN' ? '简体中文' : 'English'}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="cr-pb-level">
              {t('crisis.levelForm.level')}
            </label>
            <select
              id="cr-pb-level"
              value={form.level}
              data-testid="pb-level"
              onChange={(e) => {
                const level = Number(e.target.value);
                set({ level, colour: colourForLevel(level) });
              }}
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t('crisis.levelN', { n: l })} · {t(levelKey(l))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="cr-pb-colour">
              {t('crisis.levelForm.colour')}
            </label>
            <select
              id="cr-pb-colour"
              value={form.colour}
              data-testid="pb-colour"
              onChange={(e) => set({ colour: e.target.value as WarningColour })}
            >
              {warningColours.map((c) => (
                <option key={c} value={c}>
                  {t(colourKey(c))}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cr-pb-scenario">
            {t('crisis.editor.scenario')}
          </label>
          <textarea
            id="cr-pb-scenario"
            rows={2}
            value={form.scenario}
            data-testid="pb-scenario"
            onChange={(e) => set({ scenario: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cr-pb-triggers">
            {t('crisis.editor.triggers')}
          </label>
          <textarea
            id="cr-pb-triggers"
            rows={2}
            value={form.triggers}
            data-testid="pb-triggers"
            onChange={(e) => set({ triggers: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cr-pb-roles">
            {t('crisis.editor.roles')}
          </label>
          <textarea
            id="cr-pb-roles"
            rows={3}
            value={form.roles}
            data-testid="pb-roles"
            onChange={(e) => set({ roles: e.target.value })}
          />
          <p className="field-hint">
            {t('crisis.editor.rolesHint', {
              roles: suggestedRoles.map((r) => `${r} (${roleLabel(t, r)})`).join(', '),
            })}
          </p>
        </div>
        <StepsEditor steps={form.steps} roles={roleOptions} onChange={(steps) => set({ steps })} />
        <TemplatesEditor templates={form.templates} onChange={(templates) => set({ templates })} />
        <div className="field">
          <label className="field-label" htmlFor="cr-pb-escalation">
            {t('crisis.editor.escalation')}
          </label>
          <textarea
            id="cr-pb-escalation"
            rows={3}
            value={form.escalation}
            data-testid="pb-escalation"
            onChange={(e) => set({ escalation: e.target.value })}
          />
        </div>
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button-secondary" onClick={() => editPlaybook(null)}>
          {t('crisis.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={busy || !valid} data-testid="pb-save">
          {t('crisis.editor.save')}
        </button>
      </footer>
    </Dialog>
  );
}

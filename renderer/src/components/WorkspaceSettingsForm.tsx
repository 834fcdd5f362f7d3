import { useId, useState, type FormEvent } from 'react';
import { isTimeZone, type WorkspaceSettings, type WorkspaceSummary } from '../../../shared/workspace';
import { useT } from '../i18n';
import { attempt } from '../stores/errors';
import { saveWorkspaceSettings } from '../workspace/mutations';
import { Field } from './Field';
import { TimeZoneField } from './TimeZoneField';
import { CurrencyInput } from './CurrencyInput';
import { LocaleSelect } from './LocaleSelect';

function settingsOf(summary: WorkspaceSummary): WorkspaceSettings {
  return { name: summary.name, timeZone: summary.timeZone, currency: summary.currency, locale: summary.locale };
}

function sameSettings(a: WorkspaceSettings, b: WorkspaceSettings): boolean {
  return a.name.trim() === b.name && a.timeZone === b.timeZone && a.currency === b.currency && a.locale === b.locale;
}

/**
 * Edits the open workspace's name, time zone, currency and language. A change saved elsewhere
 * (another window, the CLI) replaces the draft unless the user is in the middle of editing.
 */
export function WorkspaceSettingsForm({ saved }: { saved: WorkspaceSummary }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(() => settingsOf(saved));
  const [base, setBase] = useState(saved);
  if (base !== saved) {
    setBase(saved);
    if (sameSettings(draft, settingsOf(base))) setDraft(settingsOf(saved));
  }
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const edit = (change: Partial<WorkspaceSettings>) => {
    setJustSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };

  const changed = !sameSettings(draft, settingsOf(saved));
  const valid = draft.name.trim().length > 0 && isTimeZone(draft.timeZone) && /^[A-Z]{3}$/.test(draft.currency);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await attempt(() => saveWorkspaceSettings(saved, draft));
    setBusy(false);
    setJustSaved(result !== undefined);
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.workspace')}</h2>
      <Field id={`${id}-name`} label={t('settings.name')}>
        <input
          id={`${id}-name`}
          data-testid="settings-name"
          value={draft.name}
          maxLength={120}
          onChange={(e) => edit({ name: e.target.value })}
        />
      </Field>
      <Field id={`${id}-tz`} label={t('create.timeZone')} hint={t('create.timeZoneHint')}>
        <TimeZoneField id={`${id}-tz`} testId="settings-timezone" value={draft.timeZone} onChange={(timeZone) => edit({ timeZone })} />
      </Field>
      <div className="field-row">
        <Field id={`${id}-currency`} label={t('create.currency')}>
          <CurrencyInput id={`${id}-currency`} testId="settings-currency" value={draft.currency} onChange={(currency) => edit({ currency })} />
        </Field>
        <Field id={`${id}-locale`} label={t('create.locale')}>
          <LocaleSelect id={`${id}-locale`} testId="settings-locale" value={draft.locale} onChange={(locale) => edit({ locale })} />
        </Field>
      </div>
      <p className="field-hint">{t('create.localeHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button-primary" data-testid="settings-save" disabled={!changed || !valid || busy}>
          {t('settings.save')}
        </button>
        {justSaved && !changed ? (
          <span className="form-status" role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

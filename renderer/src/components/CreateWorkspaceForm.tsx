import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { defaultWorkspaceSettings, isTimeZone, type Locale } from '../../../shared/workspace';
import { useT } from '../i18n';
import { useLanguage } from '../stores/language';
import { useRoute } from '../stores/route';
import { attempt } from '../stores/errors';
import { createWorkspace } from '../workspace/mutations';
import { useAppInfo } from '../workspace/queries';
import { Field } from './Field';
import { TimeZoneField } from './TimeZoneField';
import { CurrencyInput } from './CurrencyInput';
import { LocaleSelect } from './LocaleSelect';

/** Name, time zone, currency and language of a new workspace; the services choose the file. */
export function CreateWorkspaceForm({ focus }: { focus: boolean }) {
  const t = useT();
  const id = useId();
  const language = useLanguage((s) => s.language);
  const navigate = useRoute((s) => s.navigate);
  const appInfo = useAppInfo().data;
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(defaultWorkspaceSettings.timeZone);
  const [currency, setCurrency] = useState(defaultWorkspaceSettings.currency);
  // Follows the UI language until the user picks one.
  const [chosenLocale, setLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? language;
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (focus) nameRef.current?.focus();
  }, [focus]);

  const valid = name.trim().length > 0 && isTimeZone(timeZone) && /^[A-Z]{3}$/.test(currency);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const created = await attempt(() => createWorkspace({ name: name.trim(), timeZone, currency, locale }));
    setBusy(false);
    if (created) navigate({ page: 'dashboard' });
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('create.title')}</h2>
      <Field id={`${id}-name`} label={t('create.name')}>
        <input
          id={`${id}-name`}
          ref={nameRef}
          data-testid="create-name"
          value={name}
          maxLength={120}
          placeholder={t('create.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id={`${id}-tz`} label={t('create.timeZone')} hint={t('create.timeZoneHint')}>
        <TimeZoneField id={`${id}-tz`} testId="create-timezone" value={timeZone} onChange={setTimeZone} />
      </Field>
      <div className="field-row">
        <Field id={`${id}-currency`} label={t('create.currency')}>
          <CurrencyInput id={`${id}-currency`} testId="create-currency" value={currency} onChange={setCurrency} />
        </Field>
        <Field id={`${id}-locale`} label={t('create.locale')}>
          <LocaleSelect id={`${id}-locale`} testId="create-locale" value={locale} onChange={setLocale} />
        </Field>
      </div>
      <p className="field-hint">{t('create.localeHint')}</p>
      {appInfo ? (
        <p className="form-note" data-testid="create-where">
          {t('create.where', { dir: appInfo.workspacesDir })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" data-testid="create-submit" disabled={!valid || busy}>
          {t('create.submit')}
        </button>
      </div>
    </form>
  );
}

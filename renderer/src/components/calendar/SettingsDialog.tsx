import { useEffect, useState, type FormEvent } from 'react';
import type { CalendarSettings, SensitiveWord } from '../../../../shared/calendar';
import { groupKey, mixPartKey } from '../../calendar/labels';
import { saveCalendarSettings, saveLexicon } from '../../calendar/mutations';
import { useCalendarSettings, useLexicon } from '../../calendar/queries';
import { groupSum, settingsFormState, toSettings, toWords, type SettingsFormState } from '../../calendar/settingsForm';
import { openSettings } from '../../calendar/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

/** The calendar's settings and sensitive words, once both are loaded. */
export function SettingsDialog({ workspacePath }: { workspacePath: string }) {
  const settings = useCalendarSettings(workspacePath).data;
  const words = useLexicon(workspacePath).data;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') openSettings(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="dialog-backdrop">
      {settings && words ? <SettingsForm settings={settings} words={words} /> : null}
    </div>
  );
}

const groups = ['pillar', 'format', 'source'] as const;

function SettingsForm({ settings, words }: { settings: CalendarSettings; words: readonly SensitiveWord[] }) {
  const t = useT();
  const [form, setForm] = useState<SettingsFormState>(() => settingsFormState(settings, words));
  const [busy, setBusy] = useState(false);
  const sums = Object.fromEntries(groups.map((g) => [g, groupSum(form.mix[g])])) as Record<
    (typeof groups)[number],
    number
  >;
  const sumsOk = groups.every((g) => Math.abs(sums[g] - 100) < 1e-6);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const done = await attempt(async () => {
      await saveCalendarSettings(toSettings(form));
      await saveLexicon({ words: toWords(form.words) });
      return true;
    });
    setBusy(false);
    if (done) openSettings(false);
  }

  const setMix = (group: (typeof groups)[number], key: string, value: string) =>
    setForm({ ...form, mix: { ...form.mix, [group]: { ...form.mix[group], [key]: value } } });

  return (
    <form
      className="dialog dialog-wide cal-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="cal-settings-title"
      data-testid="calendar-settings"
      onSubmit={(e) => void save(e)}
    >
      <header className="dialog-head">
        <h2 id="cal-settings-title">{t('calendar.settings.title')}</h2>
        <button type="button" className="button-quiet" onClick={() => openSettings(false)}>
          {t('calendar.close')}
        </button>
      </header>
      <div className="dialog-body cal-settings-body">
        <fieldset>
          <legend>{t('calendar.settings.steps')}</legend>
          {form.steps.map((step, i) => (
            <div className="field" key={i}>
              <label className="field-label" htmlFor={`step-${i}`}>
                {t('calendar.settings.step', { n: i + 1 })}
              </label>
              <input
                id={`step-${i}`}
                value={step}
                maxLength={64}
                required={i === 0}
                data-testid="settings-step"
                data-step={i + 1}
                onChange={(e) => {
                  const steps: SettingsFormState['steps'] = [...form.steps];
                  steps[i] = e.target.value;
                  setForm({ ...form, steps });
                }}
              />
            </div>
          ))}
          <p className="field-hint">{t('calendar.settings.stepsHint')}</p>
        </fieldset>

        <fieldset>
          <legend>{t('calendar.settings.mix')}</legend>
          {groups.map((group) => (
            <div key={group} className="cal-mix-targets" data-testid="settings-mix-group" data-group={group}>
              <p className="cal-mix-targets-head">
                <strong>{t(groupKey(group))}</strong>{' '}
                <span
                  className={Math.abs(sums[group] - 100) < 1e-6 ? 'muted' : 'field-error'}
                  data-testid="settings-mix-sum"
                  data-sum={sums[group]}
                >
                  {t('calendar.settings.sum', { sum: sums[group] })}
                </span>
              </p>
              <div className="cal-field-grid cal-field-grid-4">
                {Object.entries(form.mix[group]).map(([key, value]) => {
                  const label = mixPartKey(group, key);
                  return (
                    <div className="field" key={key}>
                      <label className="field-label" htmlFor={`mix-${group}-${key}`}>
                        {label ? t(label) : key}
                      </label>
                      <input
                        id={`mix-${group}-${key}`}
                        type="number"
                        min={0}
                        max={100}
                        step="any"
                        value={value}
                        data-testid="settings-mix"
                        data-group={group}
                        data-key={key}
                        onChange={(e) => setMix(group, key, e.target.value)}
                      />
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
          <div className="field">
            <label className="field-label" htmlFor="settings-drift">
              {t('calendar.settings.drift')}
            </label>
            <input
              id="settings-drift"
              type="number"
              min={0}
              max={100}
              step="any"
              value={form.drift}
              data-testid="settings-drift"
              onChange={(e) => setForm({ ...form, drift: e.target.value })}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('calendar.settings.load')}</legend>
          <div className="field">
            <label className="field-label" htmlFor="settings-load">
              {t('calendar.settings.loadDefault')}
            </label>
            <input
              id="settings-load"
              type="number"
              min={1}
              max={1000}
              value={form.loadDefault}
              data-testid="settings-load-default"
              onChange={(e) => setForm({ ...form, loadDefault: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="settings-owners">
              {t('calendar.settings.loadOwners')}
            </label>
            <textarea
              id="settings-owners"
              rows={3}
              value={form.owners}
              placeholder="Alice,6"
              data-testid="settings-load-owners"
              onChange={(e) => setForm({ ...form, owners: e.target.value })}
            />
          </div>
          <div className="cal-field-grid">
            <div className="field">
              <label className="field-label" htmlFor="settings-hv">
                {t('calendar.settings.perQuarter')}
              </label>
              <input
                id="settings-hv"
                type="number"
                min={0}
                max={100}
                value={form.perQuarter}
                data-testid="settings-per-quarter"
                onChange={(e) => setForm({ ...form, perQuarter: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="settings-minp">
                {t('calendar.settings.minParticipants')}
              </label>
              <input
                id="settings-minp"
                type="number"
                min={0}
                value={form.minParticipants}
                data-testid="settings-min-participants"
                onChange={(e) => setForm({ ...form, minParticipants: e.target.value })}
              />
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('calendar.settings.words')}</legend>
          <div className="field">
            <label className="field-label" htmlFor="settings-words">
              {t('calendar.settings.wordsHint')}
            </label>
            <textarea
              id="settings-words"
              rows={6}
              value={form.words}
              placeholder={'最低价,广告法\n稳赚,finance'}
              data-testid="settings-words"
              onChange={(e) => setForm({ ...form, words: e.target.value })}
            />
          </div>
        </fieldset>
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button-secondary" onClick={() => openSettings(false)}>
          {t('calendar.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={busy || !sumsOk} data-testid="settings-save">
          {t('calendar.settings.save')}
        </button>
      </footer>
    </form>
  );
}

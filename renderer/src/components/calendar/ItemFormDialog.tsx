import { useEffect, useState, type FormEvent } from 'react';
import type { CalendarView } from '../../../../shared/calendar';
import { newItemForm, toFields, toRule, toTiming, type ItemFormState } from '../../calendar/itemForm';
import { createItem, createSeries } from '../../calendar/mutations';
import { startNewItem, type NewItemAt } from '../../calendar/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { FieldInputs } from './FieldInputs';
import { RepeatInputs } from './RepeatInputs';
import { TimingInputs } from './TimingInputs';

interface ItemFormDialogProps {
  at: NewItemAt;
  options: CalendarView['options'] | undefined;
}

/** A new item, or a new series when it repeats; an item without a date goes to the backlog as an idea. */
export function ItemFormDialog({ at, options }: ItemFormDialogProps) {
  const t = useT();
  const [form, setForm] = useState<ItemFormState>(() => newItemForm(at.start, at.allDay));
  const [busy, setBusy] = useState(false);
  const close = () => startNewItem(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') startNewItem(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const timing = toTiming(form.timing);
  const rule = timing ? toRule(form.repeat) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const fields = toFields(form.fields);
    const done =
      rule && timing
        ? await attempt(() => createSeries({ fields, timing, rule, status: form.status }))
        : await attempt(() => createItem({ fields, timing, status: timing ? form.status : 'idea' }));
    setBusy(false);
    if (done) close();
  }

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog cal-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cal-new-title"
        data-testid="item-form"
        onSubmit={(e) => void submit(e)}
      >
        <header className="dialog-head">
          <h2 id="cal-new-title">{t('calendar.new.title')}</h2>
          <button type="button" className="button-quiet" onClick={close} data-testid="item-form-close">
            {t('calendar.close')}
          </button>
        </header>
        <div className="dialog-body">
          <FieldInputs
            idPrefix="new"
            value={form.fields}
            onChange={(fields) => setForm({ ...form, fields })}
            channels={options?.channels ?? []}
            owners={options?.owners ?? []}
            campaigns={options?.campaigns ?? []}
          />
          <TimingInputs idPrefix="new" value={form.timing} onChange={(v) => setForm({ ...form, timing: v })} />
          {timing ? (
            <div className="field">
              <label className="field-label" htmlFor="new-status">
                {t('calendar.field.status')}
              </label>
              <select
                id="new-status"
                value={form.status}
                data-testid="item-status"
                onChange={(e) => setForm({ ...form, status: e.target.value as ItemFormState['status'] })}
              >
                <option value="draft">{t('calendar.status.draft')}</option>
                <option value="idea">{t('calendar.status.idea')}</option>
              </select>
            </div>
          ) : (
            <p className="field-hint">{t('calendar.new.noDate')}</p>
          )}
          {timing ? (
            <RepeatInputs idPrefix="new" value={form.repeat} onChange={(repeat) => setForm({ ...form, repeat })} />
          ) : null}
        </div>
        <footer className="dialog-foot">
          <button type="button" className="button-secondary" onClick={close}>
            {t('calendar.cancel')}
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || form.fields.title.trim() === ''}
            data-testid="item-form-save"
          >
            {rule ? t('calendar.new.saveSeries') : t('calendar.new.save')}
          </button>
        </footer>
      </form>
    </div>
  );
}

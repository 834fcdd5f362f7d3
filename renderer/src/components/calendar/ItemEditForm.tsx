import { useState, type FormEvent } from 'react';
import type { CalendarView, ContentItem } from '../../../../shared/calendar';
import { fieldsState, timingState, toFields, toTiming } from '../../calendar/itemForm';
import { deleteItem, deleteSeries, updateItem, updateSeries } from '../../calendar/mutations';
import { refOf } from '../../calendar/refs';
import { openItem } from '../../calendar/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { FieldInputs } from './FieldInputs';
import { TimingInputs } from './TimingInputs';

type Scope = 'occurrence' | 'series';

interface ItemEditFormProps {
  item: ContentItem;
  options: CalendarView['options'] | undefined;
}

/**
 * Edits an item's fields and timing. For a series occurrence the planner chooses: this occurrence
 * alone, or the whole series (its fields; the series keeps its own rule and start). Deletes too.
 */
export function ItemEditForm({ item, options }: ItemEditFormProps) {
  const t = useT();
  const [fields, setFields] = useState(() => fieldsState(item));
  const [timing, setTiming] = useState(() => timingState(item.start, item.durationMin, item.allDay));
  const [scope, setScope] = useState<Scope>('occurrence');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const inSeries = item.seriesId !== null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const next = toFields(fields, item.attachments);
    let ok: boolean;
    if (inSeries && scope === 'series' && item.seriesId !== null) {
      const seriesId = item.seriesId;
      ok = (await attempt(() => updateSeries({ id: seriesId, fields: next }))) !== undefined;
    } else {
      const updated = await attempt(() => updateItem({ ref: refOf(item), fields: next, timing: toTiming(timing) }));
      ok = updated !== undefined;
      if (updated && updated.id !== null && item.id === null) openItem({ id: updated.id });
    }
    setBusy(false);
    setSaved(ok);
  }

  async function remove(whole: boolean) {
    setBusy(true);
    const seriesId = item.seriesId;
    const done =
      whole && seriesId !== null
        ? await attempt(() => deleteSeries({ id: seriesId }))
        : await attempt(() => deleteItem({ ref: refOf(item) }));
    setBusy(false);
    if (done) openItem(null);
  }

  return (
    <form className="cal-drawer-section" data-testid="item-edit" onSubmit={(e) => void save(e)}>
      <h3>{t('calendar.edit.title')}</h3>
      <FieldInputs
        idPrefix="edit"
        value={fields}
        onChange={(v) => {
          setSaved(false);
          setFields(v);
        }}
        channels={options?.channels ?? []}
        owners={options?.owners ?? []}
        campaigns={options?.campaigns ?? []}
      />
      {inSeries && scope === 'series' ? (
        <p className="field-hint">{t('calendar.edit.seriesTiming')}</p>
      ) : (
        <TimingInputs
          idPrefix="edit"
          value={timing}
          onChange={(v) => {
            setSaved(false);
            setTiming(v);
          }}
        />
      )}
      {inSeries ? (
        <fieldset className="cal-scope" data-testid="edit-scope">
          <legend>{t('calendar.edit.scope')}</legend>
          <label className="cal-check cal-check-inline">
            <input
              type="radio"
              name="scope"
              checked={scope === 'occurrence'}
              data-testid="edit-scope-occurrence"
              onChange={() => setScope('occurrence')}
            />
            {t('calendar.edit.thisOccurrence')}
          </label>
          <label className="cal-check cal-check-inline">
            <input
              type="radio"
              name="scope"
              checked={scope === 'series'}
              data-testid="edit-scope-series"
              onChange={() => setScope('series')}
            />
            {t('calendar.edit.wholeSeries')}
          </label>
        </fieldset>
      ) : null}
      <div className="cal-actions">
        <button
          type="submit"
          className="button-primary button-small"
          disabled={busy || fields.title.trim() === ''}
          data-testid="item-save"
        >
          {t('calendar.edit.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('calendar.saved')}
          </span>
        ) : null}
        <span className="cal-actions-spacer" />
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="item-delete"
          onClick={() => void remove(false)}
        >
          {inSeries ? t('calendar.edit.deleteOccurrence') : t('calendar.edit.delete')}
        </button>
        {inSeries ? (
          <button
            type="button"
            className="button-danger button-small"
            disabled={busy}
            data-testid="series-delete"
            onClick={() => void remove(true)}
          >
            {t('calendar.edit.deleteSeries')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

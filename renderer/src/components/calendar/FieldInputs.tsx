import { contentFormats, contentPillars, contentSources, suggestedChannels } from '../../../../shared/calendar';
import type { FieldsState } from '../../calendar/itemForm';
import { formatKey, pillarKey, sourceKey } from '../../calendar/labels';
import { useT } from '../../i18n';

interface FieldInputsProps {
  /** Prefix for element ids, so two forms on screen do not clash. */
  idPrefix: string;
  value: FieldsState;
  onChange(value: FieldsState): void;
  /** Names already in use, offered in the pickers. */
  channels: readonly string[];
  owners: readonly string[];
  campaigns: readonly string[];
}

/** What a planner writes about an item: title, text, channel, owner, campaign, pillar, format, source, high value. */
export function FieldInputs({ idPrefix, value, onChange, channels, owners, campaigns }: FieldInputsProps) {
  const t = useT();
  const set = <K extends keyof FieldsState>(key: K, v: FieldsState[K]) => onChange({ ...value, [key]: v });
  const id = (name: string) => `${idPrefix}-${name}`;
  const allChannels = [...new Set([...suggestedChannels, ...channels])];
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={id('title')}>
          {t('calendar.field.title')}
        </label>
        <input
          id={id('title')}
          required
          maxLength={200}
          value={value.title}
          data-testid="item-title"
          onChange={(e) => set('title', e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={id('body')}>
          {t('calendar.field.body')}
        </label>
        <textarea
          id={id('body')}
          rows={3}
          maxLength={20000}
          value={value.body}
          data-testid="item-body"
          onChange={(e) => set('body', e.target.value)}
        />
      </div>
      <div className="cal-field-grid">
        <div className="field">
          <label className="field-label" htmlFor={id('channel')}>
            {t('calendar.field.channel')}
          </label>
          <input
            id={id('channel')}
            list={id('channels')}
            maxLength={64}
            value={value.channel}
            data-testid="item-channel"
            onChange={(e) => set('channel', e.target.value)}
          />
          <datalist id={id('channels')}>
            {allChannels.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('owner')}>
            {t('calendar.field.owner')}
          </label>
          <input
            id={id('owner')}
            list={id('owners')}
            maxLength={64}
            value={value.owner}
            data-testid="item-owner"
            onChange={(e) => set('owner', e.target.value)}
          />
          <datalist id={id('owners')}>
            {owners.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('campaign')}>
            {t('calendar.field.campaign')}
          </label>
          <input
            id={id('campaign')}
            list={id('campaigns')}
            maxLength={64}
            value={value.campaign}
            data-testid="item-campaign"
            onChange={(e) => set('campaign', e.target.value)}
          />
          <datalist id={id('campaigns')}>
            {campaigns.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('pillar')}>
            {t('calendar.field.pillar')}
          </label>
          <select
            id={id('pillar')}
            value={value.pillar}
            data-testid="item-pillar"
            onChange={(e) => set('pillar', e.target.value as FieldsState['pillar'])}
          >
            <option value="">{t('calendar.field.unset')}</option>
            {contentPillars.map((p) => (
              <option key={p} value={p}>
                {t(pillarKey(p))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('format')}>
            {t('calendar.field.format')}
          </label>
          <select
            id={id('format')}
            value={value.format}
            data-testid="item-format"
            onChange={(e) => set('format', e.target.value as FieldsState['format'])}
          >
            <option value="">{t('calendar.field.unset')}</option>
            {contentFormats.map((p) => (
              <option key={p} value={p}>
                {t(formatKey(p))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('source')}>
            {t('calendar.field.source')}
          </label>
          <select
            id={id('source')}
            value={value.source}
            data-testid="item-source"
            onChange={(e) => set('source', e.target.value as FieldsState['source'])}
          >
            <option value="">{t('calendar.field.unset')}</option>
            {contentSources.map((p) => (
              <option key={p} value={p}>
                {t(sourceKey(p))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="cal-check">
        <input
          type="checkbox"
          checked={value.highValue}
          data-testid="item-high-value"
          onChange={(e) => set('highValue', e.target.checked)}
        />
        {t('calendar.field.highValue')}
      </label>
    </>
  );
}

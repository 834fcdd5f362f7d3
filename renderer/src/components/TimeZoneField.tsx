import { useState } from 'react';
import { isTimeZone } from '../../../shared/workspace';
import { useT } from '../i18n';
import { commonTimeZones, isCommonTimeZone, timeZoneLabel } from './timeZones';

const OTHER = '__other__';

interface TimeZoneFieldProps {
  id: string;
  testId: string;
  value: string;
  onChange(value: string): void;
}

/** A select of common time zones; "Other…" opens a text field for any IANA name. */
export function TimeZoneField({ id, testId, value, onChange }: TimeZoneFieldProps) {
  const t = useT();
  const [chooseOther, setChooseOther] = useState(false);
  const custom = chooseOther || !isCommonTimeZone(value);

  return (
    <div className="time-zone-field">
      <select
        id={id}
        data-testid={testId}
        value={custom ? OTHER : value}
        onChange={(e) => {
          const next = e.target.value;
          setChooseOther(next === OTHER);
          if (next !== OTHER) onChange(next);
        }}
      >
        {commonTimeZones.map((zone) => (
          <option key={zone} value={zone}>
            {timeZoneLabel(zone)}
          </option>
        ))}
        <option value={OTHER}>{t('timeZone.other')}</option>
      </select>
      {custom ? (
        <input
          data-testid={`${testId}-custom`}
          aria-label={t('timeZone.otherPlaceholder')}
          placeholder={t('timeZone.otherPlaceholder')}
          value={value}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      ) : null}
      {custom && value && !isTimeZone(value) ? (
        <p className="field-error">{t('timeZone.unknown', { zone: value })}</p>
      ) : null}
    </div>
  );
}

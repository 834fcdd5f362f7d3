import type { ImportPreview } from '../../../../shared/import';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { formatKeys } from '../../import/fields';

interface DetectionChipsProps {
  candidates: ImportPreview['candidates'];
  format: ImportPreview['format'];
  /** True when the user chose the format rather than the detection. */
  overridden: boolean;
}

/** The formats the file could be, with the detection's confidence in each. */
export function DetectionChips({ candidates, format, overridden }: DetectionChipsProps) {
  const t = useT();
  const f = useFormatters();
  return (
    <div className="detection" data-testid="import-candidates">
      <span className="detection-label">{overridden ? t('preview.chosenByYou') : t('preview.detected')}</span>
      {candidates.length === 0 ? <span className="muted">{t('preview.noCandidates')}</span> : null}
      {candidates.map((c) => (
        <span
          key={c.format}
          className={c.format === format ? 'chip chip-selected' : 'chip'}
          data-testid="import-candidate"
          data-format={c.format}
          data-confidence={c.confidence}
        >
          {t(formatKeys[c.format])}
          <span className="chip-value">{f.percent(c.confidence)}</span>
        </span>
      ))}
    </div>
  );
}

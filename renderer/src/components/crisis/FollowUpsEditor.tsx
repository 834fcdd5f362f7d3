import type { FollowUpRow } from '../../crisis/postmortemForm';
import { useT } from '../../i18n';

/** Follow-up rows (what, who, by when), added and removed in place. */
export function FollowUpsEditor({
  rows,
  onChange,
}: {
  rows: readonly FollowUpRow[];
  onChange(rows: FollowUpRow[]): void;
}) {
  const t = useT();
  const setRow = (i: number, patch: Partial<FollowUpRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="cr-fieldset" data-testid="pm-followups">
      <legend>{t('crisis.postmortem.followUps')}</legend>
      {rows.length > 0 ? (
        <div className="cr-followup cr-followup-head" aria-hidden="true">
          <span>{t('crisis.postmortem.fuTitle')}</span>
          <span>{t('crisis.postmortem.fuOwner')}</span>
          <span>{t('crisis.postmortem.fuDue')}</span>
          <span />
        </div>
      ) : null}
      {rows.map((row, i) => (
        <div className="cr-followup" key={i} data-testid="pm-followup">
          <input
            value={row.title}
            maxLength={300}
            aria-label={t('crisis.postmortem.fuTitle')}
            data-testid="fu-title"
            onChange={(e) => setRow(i, { title: e.target.value })}
          />
          <input
            value={row.owner}
            maxLength={60}
            aria-label={t('crisis.postmortem.fuOwner')}
            data-testid="fu-owner"
            onChange={(e) => setRow(i, { owner: e.target.value })}
          />
          <input
            type="date"
            value={row.due}
            aria-label={t('crisis.postmortem.fuDue')}
            data-testid="fu-due"
            onChange={(e) => setRow(i, { due: e.target.value })}
          />
          <button
            type="button"
            className="button-quiet button-small"
            aria-label={t('crisis.remove')}
            data-testid="fu-remove"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="fu-add"
        onClick={() => onChange([...rows, { title: '', owner: '', due: '' }])}
      >
        {t('crisis.postmortem.fuAdd')}
      </button>
    </fieldset>
  );
}

import type { Batch } from '../../../../shared/import';
import { importFormats } from '../../../../shared/import';
import { useFormatters } from '../../data/formatters';
import { useT, type MessageKey } from '../../i18n';
import { batchSummary, shortHash } from '../../import/batchSummary';
import { formatKeys } from '../../import/fields';
import { undoImport } from '../../import/mutations';
import { attempt } from '../../stores/errors';
import { ConfirmButton } from '../ConfirmButton';

const statusKeys: Record<Batch['status'], MessageKey> = {
  running: 'history.status.running',
  done: 'history.status.done',
  failed: 'history.status.failed',
  undone: 'history.status.undone',
};

/** One import: file and format, when, status, what it added, its checksum, and Undo. */
export function BatchRow({ batch }: { batch: Batch }) {
  const t = useT();
  const f = useFormatters();
  const format = importFormats.find((x) => x === batch.format);

  return (
    <tr data-testid="batch-row" data-batch-id={batch.id} data-status={batch.status} className={`batch-${batch.status}`}>
      <td className="batch-file">
        <span className="cell-text" title={batch.file}>
          {batch.file}
        </span>
        <span className="cell-note">
          #{batch.id} · {format ? t(formatKeys[format]) : batch.format}
        </span>
      </td>
      <td className="num nowrap">{f.dateTime(batch.startedAt)}</td>
      <td>
        <span className={`status status-${batch.status}`} data-testid="batch-status">
          {t(statusKeys[batch.status])}
        </span>
      </td>
      <td className="batch-counts">{batchSummary(batch.counts, t, f)}</td>
      <td className="mono nowrap" title={batch.sha256} data-testid="batch-sha">
        {batch.sha256 ? shortHash(batch.sha256) : '—'}
      </td>
      <td className="col-actions">
        {batch.status === 'done' ? (
          <ConfirmButton
            label={t('history.undo')}
            question={t('history.undoQuestion')}
            confirmLabel={t('history.undoConfirm')}
            testId="batch-undo"
            confirmTestId="batch-undo-confirm"
            onConfirm={() => attempt(() => undoImport(batch.id))}
          />
        ) : null}
      </td>
    </tr>
  );
}

import { useState } from 'react';
import type { Output } from '../../../../shared/api';
import type { MemberColumn, MemberFilter, MemberSort } from '../../../../shared/member-grid';
import { downloadUrl } from '../../api';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { exportMembers } from '../../members/mutations';
import { attempt } from '../../stores/errors';
import { useLanguage } from '../../stores/language';
import { PathText } from '../PathText';

interface ExportActionProps {
  filter: MemberFilter;
  sort: MemberSort;
  columns: MemberColumn[];
  disabled: boolean;
}

/**
 * Exports what the grid shows (its filter, sort and visible columns, headers in the UI language)
 * to a CSV file in the workspace's exports folder; in the browser the file can be downloaded too.
 */
export function ExportAction({ filter, sort, columns, disabled }: ExportActionProps) {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Output<'members/export'> | null>(null);

  async function run() {
    setBusy(true);
    setResult(null);
    const written = await attempt(() => exportMembers({ filter, sort, columns, language }));
    setBusy(false);
    if (written) setResult(written);
  }

  const link = result ? downloadUrl(result.path) : null;
  return (
    <>
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="bulk-export"
        disabled={disabled || busy}
        onClick={() => void run()}
      >
        {busy ? t('membersPage.exporting') : t('membersPage.export')}
      </button>
      {result ? (
        <p
          className="export-result"
          role="status"
          data-testid="bulk-export-result"
          data-path={result.path}
          data-rows={result.rows}
        >
          <span>{t('membersPage.exported', { n: f.number(result.rows) })}</span>{' '}
          <span className="mono">
            <PathText path={result.path} />
          </span>
          {link ? (
            <>
              {' '}
              <a className="link-button" href={link} download data-testid="bulk-export-download">
                {t('membersPage.download')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

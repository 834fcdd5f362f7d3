import { useRef, useState, type ChangeEvent } from 'react';
import type { Output } from '../../../../shared/api';
import { downloadUrl, hearth } from '../../api';
import { exportCalendar, importCalendar } from '../../calendar/mutations';
import type { VisibleRange } from '../../calendar/queries';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { useLanguage } from '../../stores/language';
import { PathText } from '../PathText';

type ImportKind = 'items' | 'performance';

/**
 * Exports the visible days as .ics or CSV (headers in the UI language), and imports items or
 * performance from a CSV file; a refused file is explained in the error banner (file, line, field).
 */
export function ExportImport({ range }: { range: VisibleRange | null }) {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Output<'calendar/export'> | null>(null);
  const [imported, setImported] = useState<Output<'calendar/import'> | null>(null);
  const [kind, setKind] = useState<ImportKind>('items');
  const picker = useRef<HTMLInputElement>(null);

  async function runExport(format: 'ics' | 'csv') {
    setBusy(true);
    setExported(null);
    setImported(null);
    const written = await attempt(() =>
      exportCalendar({ format, language, ...(range ? { from: range.from, to: range.to } : {}) }),
    );
    setBusy(false);
    if (written) setExported(written);
  }

  function pick(which: ImportKind) {
    setKind(which);
    picker.current?.click();
  }

  async function runImport(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setExported(null);
    setImported(null);
    const result = await attempt(async () => importCalendar({ path: await hearth.fileToPath(file), kind }));
    setBusy(false);
    if (result) setImported(result);
  }

  const link = exported ? downloadUrl(exported.path) : null;
  return (
    <div className="cal-io">
      <div className="cal-io-buttons">
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="calendar-export-ics"
          onClick={() => void runExport('ics')}
        >
          {t('calendar.io.exportIcs')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="calendar-export-csv"
          onClick={() => void runExport('csv')}
        >
          {t('calendar.io.exportCsv')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="calendar-import-items"
          onClick={() => pick('items')}
        >
          {t('calendar.io.importItems')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="calendar-import-performance"
          onClick={() => pick('performance')}
        >
          {t('calendar.io.importPerformance')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="calendar-import-file"
          data-kind={kind}
          onChange={(e) => void runImport(e)}
        />
      </div>
      {exported ? (
        <p
          className="export-result"
          role="status"
          data-testid="calendar-export-result"
          data-path={exported.path}
          data-items={exported.items}
        >
          <span>{t('calendar.io.exported', { n: f.number(exported.items) })}</span>{' '}
          <span className="mono">
            <PathText path={exported.path} />
          </span>
          {link ? (
            <>
              {' '}
              <a className="link-button" href={link} download data-testid="calendar-export-download">
                {t('calendar.io.download')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {imported ? (
        <p
          className="export-result"
          role="status"
          data-testid="calendar-import-result"
          data-added={imported.added}
          data-updated={imported.updated}
          data-unchanged={imported.unchanged}
        >
          {t('calendar.io.imported', {
            added: f.number(imported.added),
            updated: f.number(imported.updated),
            unchanged: f.number(imported.unchanged),
          })}
        </p>
      ) : null}
    </div>
  );
}

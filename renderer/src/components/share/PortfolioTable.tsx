import type { PortfolioRow } from '../../../../shared/share';
import { useT, type MessageKey } from '../../i18n';
import { attempt } from '../../stores/errors';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { useShareFormatters } from '../../share/time';
import { openWorkspace } from '../../workspace/mutations';
import { HealthDot } from './HealthDot';

const problemKeys: Record<string, MessageKey> = {
  missing: 'portfolio.problem.missing',
  unreadable: 'portfolio.problem.unreadable',
  not_a_workspace: 'portfolio.problem.not_a_workspace',
  too_new: 'portfolio.problem.too_new',
  outdated: 'portfolio.problem.outdated',
};

const COLUMNS = 10;

/** The file's name, so two clients of the same name (a restored copy) can be told apart. */
const fileName = (path: string) => path.split(/[/\\]/).pop() ?? path;

function NameCell({ row }: { row: PortfolioRow }) {
  return (
    <td className="pf-name" title={row.path} data-testid="portfolio-name">
      {row.name}
      <span className="pf-file mono">{fileName(row.path)}</span>
    </td>
  );
}

/** "2026-11-24T09:00" (the client's own local time) as "2026-11-24 09:00". */
const localTime = (start: string) => start.replace('T', ' ');

function ProblemRow({ row }: { row: PortfolioRow }) {
  const t = useT();
  const key = problemKeys[row.problem ?? ''];
  return (
    <tr data-testid="portfolio-row" data-path={row.path} data-problem={row.problem ?? ''}>
      <NameCell row={row} />
      <td colSpan={COLUMNS - 1} className="pf-problem" data-testid="portfolio-problem">
        {key ? t(key) : row.problem}
      </td>
    </tr>
  );
}

function ClientRow({ row }: { row: PortfolioRow }) {
  const t = useT();
  const f = useShareFormatters();
  const navigate = useRoute((s) => s.navigate);
  const current = useSession((s) => s.workspace?.path === row.path);
  const none = <span className="muted">—</span>;

  async function open() {
    if (current || (await attempt(() => openWorkspace(row.path)))) navigate({ page: 'dashboard' });
  }

  return (
    <tr data-testid="portfolio-row" data-path={row.path} data-problem="" data-health={row.health}>
      <NameCell row={row} />
      <td className="num" data-testid="portfolio-members" data-value={row.members ?? ''}>
        {row.members === null ? none : f.number(row.members)}
      </td>
      <td className="num" data-testid="portfolio-active">
        {row.activeRatio === null ? none : f.percent(row.activeRatio)}
      </td>
      <td className="num" data-testid="portfolio-nps">
        {row.nps === null ? none : f.number(Math.round(row.nps))}
      </td>
      <td>
        <HealthDot health={row.health} />
      </td>
      <td className="num" data-testid="portfolio-incidents">
        {row.openIncidents === null ? none : f.number(row.openIncidents)}
      </td>
      <td data-testid="portfolio-next">
        {row.nextItems.length === 0 ? (
          none
        ) : (
          <ul className="pf-next">
            {row.nextItems.map((item, i) => (
              <li key={i} data-testid="portfolio-next-item">
                <span className="num nowrap">{localTime(item.start)}</span> {item.title}
                {item.channel ? <span className="muted"> · {item.channel}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="num nowrap" data-testid="portfolio-published">
        {row.lastPublishAt === null ? none : f.dateTime(row.lastPublishAt)}
      </td>
      <td className="num nowrap" data-testid="portfolio-activity">
        {row.lastActivityAt === null ? none : f.dateTime(row.lastActivityAt)}
      </td>
      <td>
        <button
          type="button"
          className="button-secondary button-small"
          data-testid="portfolio-open"
          onClick={() => void open()}
        >
          {current ? t('portfolio.current') : t('portfolio.open')}
        </button>
      </td>
    </tr>
  );
}

/** One row per client workspace; a file that could not be read says why instead. */
export function PortfolioTable({ rows }: { rows: readonly PortfolioRow[] }) {
  const t = useT();
  return (
    <div className="table-scroll tall">
      <table className="data-table pf-table" data-testid="portfolio-table">
        <thead>
          <tr>
            <th>{t('portfolio.col.name')}</th>
            <th>{t('portfolio.col.members')}</th>
            <th>{t('portfolio.col.active')}</th>
            <th>{t('portfolio.col.nps')}</th>
            <th>{t('portfolio.col.health')}</th>
            <th>{t('portfolio.col.incidents')}</th>
            <th>{t('portfolio.col.next')}</th>
            <th>{t('portfolio.col.published')}</th>
            <th>{t('portfolio.col.activity')}</th>
            <th>
              <span className="visually-hidden">{t('portfolio.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.problem ? <ProblemRow key={row.path} row={row} /> : <ClientRow key={row.path} row={row} />,
          )}
        </tbody>
      </table>
    </div>
  );
}

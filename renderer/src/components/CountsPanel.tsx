import type { WorkspaceCounts } from '../../../shared/workspace';
import { useT, type MessageKey } from '../i18n';
import { useLanguage } from '../stores/language';
import { useWorkspaceInfo } from '../workspace/queries';

const rows: { key: keyof WorkspaceCounts; label: MessageKey }[] = [
  { key: 'member', label: 'counts.member' },
  { key: 'identity', label: 'counts.identity' },
  { key: 'activity', label: 'counts.activity' },
  { key: 'order', label: 'counts.order' },
  { key: 'survey_response', label: 'counts.survey_response' },
  { key: 'content_item', label: 'counts.content_item' },
  { key: 'incident', label: 'counts.incident' },
];

/** The real row counts of the open workspace, so the user sees what the file holds. */
export function CountsPanel({ path }: { path: string }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const info = useWorkspaceInfo(path).data;
  const format = new Intl.NumberFormat(language);
  const empty = info ? Object.values(info.counts).every((n) => n === 0) : false;

  return (
    <section className="card" aria-labelledby="counts-title" data-testid="counts-panel">
      <h2 id="counts-title">{t('counts.title')}</h2>
      <dl className="counts">
        {rows.map(({ key, label }) => (
          <div className="count" key={key}>
            <dt>{t(label)}</dt>
            <dd data-testid={`count-${key}`} data-value={info ? info.counts[key] : undefined}>
              {info ? format.format(info.counts[key]) : '—'}
            </dd>
          </div>
        ))}
      </dl>
      {empty ? <p className="muted">{t('counts.empty')}</p> : null}
    </section>
  );
}

import type { Alert } from '../../../../shared/crisis';
import { markWords } from '../../crisis/highlight';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';

/** The messages behind an alert, with the words it found marked; times in the workspace's zone. */
export function Evidence({ alert }: { alert: Alert }) {
  const t = useT();
  const f = useFormatters();
  return (
    <ol className="cr-evidence" data-testid="alert-evidence">
      {alert.evidence.map((e) => (
        <li key={e.activityId} data-testid="evidence-item" data-activity={e.activityId}>
          <p className="cr-evidence-meta">
            <strong>{e.memberName ?? t('crisis.evidence.unknownMember')}</strong>
            <span className="mono">{f.dateTime(e.ts)}</span>
            {e.channel ? <span>{e.channel}</span> : null}
          </p>
          <p className="cr-evidence-text">
            {markWords(e.text, e.words).map((run, i) =>
              run.marked ? (
                <mark key={i} data-testid="evidence-word">
                  {run.text}
                </mark>
              ) : (
                <span key={i}>{run.text}</span>
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

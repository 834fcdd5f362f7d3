import { useState } from 'react';
import type { MemberDetail } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { kindKey } from '../../import/fields';
import { sourceLabel } from '../../members/words';

// The latest few; the rest on request.
const FIRST_ENTRIES = 10;

/** Recent activity, newest first: when, what, where, and the text if any. */
export function DrawerTimeline({ timeline }: { timeline: MemberDetail['timeline'] }) {
  const t = useT();
  const f = useFormatters();
  const [all, setAll] = useState(false);
  const shown = all ? timeline : timeline.slice(0, FIRST_ENTRIES);
  return (
    <section className="drawer-section" aria-labelledby="drawer-timeline-title">
      <h3 id="drawer-timeline-title">{t('membersPage.timeline')}</h3>
      {timeline.length === 0 ? <p className="muted">{t('membersPage.noTimeline')}</p> : null}
      <ol className="timeline">
        {shown.map((item, i) => {
          const key = kindKey(item.kind);
          return (
            <li key={i} data-testid="member-activity" data-kind={item.kind}>
              <span className="ledger-day num">{f.dateTime(item.ts)}</span>
              <span className="timeline-what">
                {key ? t(key) : item.kind}
                <span className="muted">
                  {' · '}
                  {sourceLabel(item.source, t)}
                  {item.channel ? ` #${item.channel}` : ''}
                </span>
              </span>
              {item.text ? <span className="timeline-text">{item.text}</span> : null}
            </li>
          );
        })}
      </ol>
      {shown.length < timeline.length ? (
        <button
          type="button"
          className="link-button show-all"
          data-testid="member-timeline-all"
          onClick={() => setAll(true)}
        >
          {t('membersPage.showAll', { n: f.number(timeline.length) })}
        </button>
      ) : null}
    </section>
  );
}

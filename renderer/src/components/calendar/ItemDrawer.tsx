import { useEffect, useRef } from 'react';
import type { CalendarView, ContentRef } from '../../../../shared/calendar';
import { statusKey } from '../../calendar/labels';
import { useCalendarDetail, useCalendarSettings } from '../../calendar/queries';
import { matchesRef, refKey } from '../../calendar/refs';
import { openItem } from '../../calendar/store';
import { useT } from '../../i18n';
import { AttachmentsEditor } from './AttachmentsEditor';
import { ItemEditForm } from './ItemEditForm';
import { PerformanceForm } from './PerformanceForm';
import { ReviewPanel } from './ReviewPanel';

interface ItemDrawerProps {
  workspacePath: string;
  openRef: ContentRef;
  options: CalendarView['options'] | undefined;
}

/** One item in a side panel: edit, review, performance and attachments. */
export function ItemDrawer({ workspacePath, openRef, options }: ItemDrawerProps) {
  const t = useT();
  const { data } = useCalendarDetail(workspacePath, openRef);
  const settings = useCalendarSettings(workspacePath).data;
  const key = refKey(openRef);
  // While another item loads, the last one's details are still in hand: don't show them.
  const detail = data && matchesRef(data.item, openRef) ? data : undefined;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [key]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') openItem(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside
      className="cal-drawer"
      data-testid="item-drawer"
      data-key={detail?.item.key ?? ''}
      data-status={detail?.item.status ?? ''}
      aria-labelledby="item-drawer-title"
    >
      <header className="cal-drawer-head">
        <div>
          <h2 id="item-drawer-title" ref={title} tabIndex={-1}>
            {detail ? detail.item.title : t('app.loading')}
          </h2>
          {detail ? (
            <p className="cal-drawer-meta">
              <span
                className={`cal-status cal-status-${detail.item.status}`}
                data-testid="item-status-badge"
                data-status={detail.item.status}
              >
                {t(statusKey(detail.item.status))}
              </span>
              {detail.item.start ? (
                <span className="muted mono">{detail.item.start.replace('T', ' ')}</span>
              ) : (
                <span className="muted">{t('calendar.backlog.title')}</span>
              )}
              {detail.series ? <span className="muted">↻ {detail.series.rrule}</span> : null}
            </p>
          ) : null}
        </div>
        <button type="button" className="button-quiet" data-testid="item-drawer-close" onClick={() => openItem(null)}>
          {t('calendar.close')}
        </button>
      </header>
      {detail ? (
        <div className="cal-drawer-body">
          <ReviewPanel key={`review-${detail.item.key}`} detail={detail} steps={settings?.reviewSteps ?? []} />
          <ItemEditForm
            key={`edit-${detail.item.key}-${detail.item.updatedAt ?? 0}`}
            item={detail.item}
            options={options}
          />
          <PerformanceForm key={`perf-${detail.item.key}-${detail.item.updatedAt ?? 0}`} item={detail.item} />
          <AttachmentsEditor item={detail.item} />
        </div>
      ) : (
        <p className="cal-drawer-body muted">{t('app.loading')}</p>
      )}
    </aside>
  );
}

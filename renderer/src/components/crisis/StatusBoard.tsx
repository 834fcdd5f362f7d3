import { useMemo, useState } from 'react';
import { levelForColour, type CrisisBoard, type ScanResult } from '../../../../shared/crisis';
import { scan } from '../../crisis/mutations';
import { sentimentOption } from '../../crisis/sentimentChart';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { EChart } from '../dashboard/EChart';
import { useChartNumbers } from '../dashboard/useChartNumbers';
import { ColourBadge } from './Badges';

/** The board on top: the overall colour and level, each channel's colour, the last scan and the sentiment line. */
export function StatusBoard({ board }: { board: CrisisBoard }) {
  const t = useT();
  const f = useFormatters();
  const n = useChartNumbers();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const option = useMemo(
    () => sentimentOption(board.sentiment, n, { share: t('crisis.board.negativeShare'), line: '30%' }),
    [board.sentiment, n, t],
  );
  const level = levelForColour[board.overall];
  const withMessages = board.sentiment.filter((d) => d.messages > 0);
  const latest = withMessages[withMessages.length - 1];

  async function runScan() {
    setBusy(true);
    setResult(null);
    const done = await attempt(() => scan({}));
    setBusy(false);
    if (done) setResult(done);
  }

  return (
    <div className="cr-card cr-board" data-testid="crisis-board" data-overall={board.overall}>
      <div className={`cr-board-overall cr-tint-${board.overall}`}>
        <span className="cr-board-kicker">{t('crisis.board.overall')}</span>
        <ColourBadge colour={board.overall} testId="crisis-overall" big />
        <strong className="cr-board-level" data-testid="crisis-overall-level" data-level={level}>
          {t('crisis.levelN', { n: level })} · {t(`crisis.level.${level}`)}
        </strong>
      </div>
      <div className="cr-board-middle">
        <div className="cr-board-row">
          <span className="cr-board-kicker">{t('crisis.board.channels')}</span>
          {board.channels.length === 0 ? (
            <span className="muted">{t('crisis.board.noChannels')}</span>
          ) : (
            <ul className="cr-chips">
              {board.channels.map((c) => (
                <li
                  key={c.channel}
                  className={`cr-chip cr-chip-${c.colour}`}
                  data-testid="crisis-channel"
                  data-channel={c.channel}
                  data-colour={c.colour}
                >
                  <span className="cr-dot" aria-hidden="true" />
                  {c.channel || t('crisis.alerts.allChannels')}
                  {c.alerts > 0 ? (
                    <span className="chip-value">{t('crisis.board.alerts', { n: c.alerts })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="cr-board-row">
          <span className="cr-board-kicker">{t('crisis.board.lastScan')}</span>
          <span className="mono" data-testid="crisis-last-scan">
            {board.lastScanAt !== null ? f.dateTime(board.lastScanAt) : t('crisis.board.never')}
          </span>
          <button
            type="button"
            className="button-primary button-small"
            disabled={busy}
            data-testid="crisis-scan"
            onClick={() => void runScan()}
          >
            {busy ? t('crisis.board.scanning') : t('crisis.board.scan')}
          </button>
        </div>
        {result ? (
          <p
            className="cr-scan-result"
            role="status"
            data-testid="crisis-scan-result"
            data-messages={result.messages}
            data-alerts={result.alerts.length}
          >
            {t('crisis.board.scanned', {
              from: result.from,
              to: result.to,
              messages: f.number(result.messages),
              alerts: f.number(result.alerts.length),
              ms: f.number(Math.round(result.elapsedMs)),
            })}
          </p>
        ) : null}
      </div>
      <div className="cr-board-spark">
        <span className="cr-board-kicker">
          {t('crisis.board.sentiment')}
          {latest ? (
            <strong className="cr-board-latest" data-testid="crisis-latest-share">
              {f.percent(latest.negative / latest.messages)}
            </strong>
          ) : null}
        </span>
        {withMessages.length > 0 ? (
          <div className="cr-spark">
            <EChart option={option} label={t('crisis.board.sentimentLabel')} />
          </div>
        ) : (
          <p className="muted cr-spark-empty">{t('crisis.board.noSentiment')}</p>
        )}
      </div>
    </div>
  );
}

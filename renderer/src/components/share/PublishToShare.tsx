import { useState } from 'react';
import type { PublishResult } from '../../../../shared/share';
import type { ReportRequest } from '../../../../shared/report';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { useRoute } from '../../stores/route';
import { publishToShare } from '../../share/mutations';
import { useShareSettings } from '../../share/queries';
import { useShareFormatters } from '../../share/time';
import { PathText } from '../PathText';

/**
 * Publishes the chosen period as a dated bundle (report, exports, snapshot, manifest) to the
 * team-share folder and lists what was written; disabled, with a pointer to Settings, until a
 * share folder is set.
 */
export function PublishToShare({ request }: { request: (ReportRequest & { from: string; to: string }) | null }) {
  const t = useT();
  const f = useShareFormatters();
  const navigate = useRoute((s) => s.navigate);
  const settings = useShareSettings().data;
  const folder = settings?.folder ?? null;
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<PublishResult | null>(null);

  async function publish() {
    if (!request) return;
    setBusy(true);
    setPublished(null);
    const result = await attempt(() =>
      publishToShare({ from: request.from, toDay: request.to, locale: request.locale }),
    );
    setBusy(false);
    if (result) setPublished(result);
  }

  return (
    <div className="card rp-side-card" data-testid="share-publish-card" data-busy={busy ? 'true' : 'false'}>
      <h2>{t('share.publish.title')}</h2>
      <button
        type="button"
        className="button-secondary"
        data-testid="share-publish"
        disabled={busy || !request || !folder}
        onClick={() => void publish()}
      >
        {busy ? t('share.publish.publishing') : t('share.publish.button')}
      </button>
      {settings && !folder ? (
        <p className="field-hint" data-testid="share-publish-hint">
          {t('share.publish.noFolder')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ page: 'settings' })}>
            {t('share.publish.toSettings')}
          </button>
        </p>
      ) : null}
      {folder && !published ? (
        <p className="field-hint mono">
          <PathText path={folder} />
        </p>
      ) : null}
      {published ? (
        <div className="sh-result" role="status" data-testid="share-publish-result" data-bundle={published.bundle}>
          <p>
            {t('share.publish.done', {
              from: published.manifest.period.from,
              to: published.manifest.period.to,
              ms: f.number(Math.round(published.elapsedMs)),
            })}
          </p>
          <p className="mono" data-testid="share-publish-bundle">
            <PathText path={published.bundle} />
          </p>
          <table className="sh-files">
            <tbody>
              {published.manifest.files.map((file) => (
                <tr key={file.name} data-testid="share-publish-file" data-name={file.name} data-size={file.size}>
                  <td className="mono">{file.name}</td>
                  <td className="num">{f.bytes(file.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

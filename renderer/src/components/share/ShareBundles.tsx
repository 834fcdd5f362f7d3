import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BundleBrief } from '../../../../shared/share';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { attempt, useErrors } from '../../stores/errors';
import type { HearthError } from '../../../../shared/errors';
import { useRoute } from '../../stores/route';
import { restoreFromShare } from '../../share/mutations';
import { useShareBundles, useShareSettings } from '../../share/queries';
import { useShareFormatters } from '../../share/time';

interface BundleRowProps {
  bundle: BundleBrief;
  busy: boolean;
  /** Why the last restore of this bundle was refused, shown beside it (the banner may be out of view). */
  refused: HearthError | null;
  onRestore(): void;
}

function BundleRow({ bundle, busy, refused, onRestore }: BundleRowProps) {
  const t = useT();
  const f = useShareFormatters();
  const text = refused ? describeError(refused, t) : null;
  const file = refused?.details?.['file'];
  return (
    <li className="sh-bundle" data-testid="share-bundle" data-path={bundle.path} data-name={bundle.name}>
      <div className="sh-bundle-text">
        <span className="recent-name" data-testid="share-bundle-workspace">
          {bundle.workspace}
        </span>
        <span className="sh-bundle-meta">
          <span className="mono">{bundle.name}</span>
          {' · '}
          {t('share.open.period', { from: bundle.period.from, to: bundle.period.to })}
          {' · '}
          {t('share.open.created', { when: f.dateTime(bundle.createdAt) })}
        </span>
        {text ? (
          <span
            className="field-error"
            data-testid="share-bundle-error"
            data-code={refused?.code}
            data-file={typeof file === 'string' ? file : ''}
          >
            {text.message} {text.hint}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="share-bundle-restore"
        disabled={busy}
        onClick={onRestore}
      >
        {t('share.open.restore')}
      </button>
    </li>
  );
}

/**
 * "Open from team share": every workspace's bundles in the share folder (this computer's setting,
 * or a folder typed here), each restorable as a new workspace after its files are verified.
 */
export function ShareBundles({ focus }: { focus: boolean }) {
  const t = useT();
  const id = useId();
  const navigate = useRoute((s) => s.navigate);
  const settings = useShareSettings().data;
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ path: string; error: HearthError } | null>(null);
  // The typed folder wins; until something is typed, the saved share folder.
  const shown = folder ?? settings?.folder ?? null;
  const bundles = useShareBundles(shown).data;

  useEffect(() => {
    if (focus) inputRef.current?.focus();
  }, [focus]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFolder(draft?.trim() || null);
  }

  async function restore(bundle: BundleBrief) {
    setBusy(true);
    setRefused(null);
    const restored = await attempt(() => restoreFromShare(bundle.path));
    setBusy(false);
    if (restored) navigate({ page: 'dashboard' });
    const error = useErrors.getState().error;
    if (!restored && error) setRefused({ path: bundle.path, error });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="share-open" data-folder={shown ?? ''}>
      <h2 id={`${id}-title`}>{t('share.open.title')}</h2>
      <form className="sh-folder-row" onSubmit={submit}>
        <input
          ref={inputRef}
          className="mono"
          aria-label={t('share.open.folder')}
          data-testid="share-open-folder"
          value={draft ?? settings?.folder ?? ''}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('share.settings.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button-secondary" data-testid="share-open-load">
          {t('share.open.load')}
        </button>
      </form>
      {!shown ? <p className="field-hint">{t('share.open.noFolder')}</p> : null}
      {shown && bundles && bundles.length === 0 ? (
        <p className="muted" data-testid="share-open-empty">
          {t('share.open.empty')}
        </p>
      ) : null}
      {bundles && bundles.length > 0 ? (
        <ul className="sh-bundles" data-testid="share-bundles">
          {bundles.map((b) => (
            <BundleRow
              key={b.path}
              bundle={b}
              busy={busy}
              refused={refused?.path === b.path ? refused.error : null}
              onRestore={() => void restore(b)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

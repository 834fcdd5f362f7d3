import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Branding } from '../../../../shared/report';
import { hearth } from '../../api';
import { useT } from '../../i18n';
import { saveBranding } from '../../reports/mutations';
import { useBranding } from '../../reports/queries';
import { openBranding } from '../../reports/store';
import { attempt } from '../../stores/errors';
import { Field } from '../Field';

/** The cover's brand name, colour and logo; saving refreshes the preview. */
export function BrandingPanel({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const { data } = useBranding(workspacePath);
  // Here, not in the form: a save refetches the branding, which starts the form afresh.
  const [saved, setSaved] = useState(false);
  return (
    <div className="card rp-side-card rp-branding" data-testid="report-branding">
      <div className="card-head">
        <h2>{t('reports.branding.title')}</h2>
        <button
          type="button"
          className="button-quiet button-small"
          data-testid="report-branding-close"
          onClick={() => openBranding(false)}
        >
          {t('reports.branding.close')}
        </button>
      </div>
      {/* Keyed by the saved values: a save (or another window's) starts the form from them. */}
      {data ? (
        <BrandingForm key={JSON.stringify(data)} saved={data} onSaved={setSaved} />
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {saved ? (
        <p className="muted rp-branding-saved" role="status" data-testid="report-brand-saved">
          {t('reports.branding.saved')}
        </p>
      ) : null}
    </div>
  );
}

function BrandingForm({ saved, onSaved }: { saved: Branding; onSaved(saved: boolean): void }) {
  const t = useT();
  const [draft, setDraft] = useState<Branding>(saved);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const edit = (patch: Partial<Branding>) => {
    setDraft((d) => ({ ...d, ...patch }));
    onSaved(false);
  };

  async function pickLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    // In the browser host the file is uploaded and the services get the uploaded copy's path.
    const path = await attempt(() => hearth.fileToPath(file));
    if (path) edit({ logoPath: path });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await attempt(() => saveBranding({ ...draft, logoPath: draft.logoPath?.trim() || null }));
    setBusy(false);
    if (result) onSaved(true);
  }

  return (
    <form className="rp-branding-form" onSubmit={(e) => void submit(e)}>
      <Field id="report-brand-title" label={t('reports.branding.name')} hint={t('reports.branding.nameHint')}>
        <input
          id="report-brand-title"
          data-testid="report-brand-title"
          value={draft.title}
          maxLength={120}
          onChange={(e) => edit({ title: e.target.value })}
        />
      </Field>
      <Field id="report-brand-colour" label={t('reports.branding.colour')}>
        <input
          id="report-brand-colour"
          type="color"
          className="rp-colour"
          data-testid="report-brand-colour"
          value={draft.colour.toLowerCase()}
          onChange={(e) => edit({ colour: e.target.value })}
        />
      </Field>
      <Field id="report-brand-logo" label={t('reports.branding.logo')}>
        <input
          id="report-brand-logo"
          className="mono"
          data-testid="report-brand-logo"
          placeholder={t('reports.branding.logoPlaceholder')}
          value={draft.logoPath ?? ''}
          onChange={(e) => edit({ logoPath: e.target.value })}
        />
        <div className="rp-logo-buttons">
          <button
            type="button"
            className="button-secondary button-small"
            data-testid="report-brand-logo-pick"
            onClick={() => picker.current?.click()}
          >
            {t('reports.branding.logoPick')}
          </button>
          {draft.logoPath ? (
            <button
              type="button"
              className="button-quiet button-small"
              data-testid="report-brand-logo-clear"
              onClick={() => edit({ logoPath: null })}
            >
              {t('reports.branding.logoClear')}
            </button>
          ) : null}
          <input
            ref={picker}
            type="file"
            accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
            hidden
            data-testid="report-brand-logo-file"
            onChange={(e) => void pickLogo(e)}
          />
        </div>
      </Field>
      <div className="rp-branding-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="report-brand-save">
          {t('reports.branding.save')}
        </button>
      </div>
    </form>
  );
}

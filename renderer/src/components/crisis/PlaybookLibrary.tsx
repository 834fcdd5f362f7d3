import type { Playbook } from '../../../../shared/crisis';
import type { Locale } from '../../../../shared/workspace';
import { copyPlaybook, deletePlaybook } from '../../crisis/mutations';
import { blankPlaybook, playbookInput } from '../../crisis/playbookForm';
import { editPlaybook, startDialog, useCrisis, viewPlaybook } from '../../crisis/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { ConfirmButton } from '../ConfirmButton';
import { ColourBadge } from './Badges';
import { PlaybookDetails } from './PlaybookDetails';

/** The playbooks: shipped defaults and the workspace's own, each ready to start, copy or edit. */
export function PlaybookLibrary({ playbooks, locale }: { playbooks: readonly Playbook[]; locale: Locale }) {
  const t = useT();
  const viewing = useCrisis((s) => s.viewingPlaybookId);
  return (
    <section className="cr-card" data-testid="crisis-playbooks" aria-labelledby="cr-playbooks-title">
      <div className="card-head">
        <h2 id="cr-playbooks-title">{t('crisis.playbooks.title')}</h2>
        <button
          type="button"
          className="button-secondary button-small"
          data-testid="playbook-new"
          onClick={() => editPlaybook({ id: null, playbook: blankPlaybook(locale) })}
        >
          {t('crisis.playbooks.new')}
        </button>
      </div>
      {playbooks.length === 0 ? <p className="empty">{t('crisis.playbooks.empty')}</p> : null}
      <ul className="cr-playbooks">
        {playbooks.map((p) => (
          <li
            key={p.id}
            className={`cr-playbook cr-edge-${p.colour}`}
            data-testid="playbook-card"
            data-id={p.id}
            data-builtin={p.builtinKey ?? ''}
          >
            <div className="cr-playbook-head">
              <strong className="cr-playbook-name">{p.name}</strong>
              <span className="badge">{p.locale === 'zh-CN' ? '中文' : 'EN'}</span>
            </div>
            <ColourBadge colour={p.colour} level={p.level} />
            {p.scenario ? (
              <p
                className={`cr-playbook-scenario${viewing === p.id ? ' cr-playbook-scenario-full' : ''}`}
                title={p.scenario}
              >
                {p.scenario}
              </p>
            ) : null}
            <p className="muted cr-sub">
              {t('crisis.playbooks.steps', { n: p.steps.length })}
              {p.builtinKey ? ` · ${t('crisis.playbooks.builtin')}` : ''}
            </p>
            <div className="cr-actions cr-actions-wrap">
              <button
                type="button"
                className="button-primary button-small"
                data-testid="playbook-start"
                onClick={() => startDialog({ playbookId: p.id, title: p.name, alertId: null })}
              >
                {t('crisis.playbooks.start')}
              </button>
              <button
                type="button"
                className="button-quiet button-small"
                aria-expanded={viewing === p.id}
                data-testid="playbook-view"
                onClick={() => viewPlaybook(viewing === p.id ? null : p.id)}
              >
                {viewing === p.id ? t('crisis.playbooks.hide') : t('crisis.playbooks.view')}
              </button>
              <button
                type="button"
                className="button-quiet button-small"
                data-testid="playbook-copy"
                onClick={() => void attempt(() => copyPlaybook({ id: p.id }))}
              >
                {t('crisis.playbooks.copy')}
              </button>
              <button
                type="button"
                className="button-quiet button-small"
                data-testid="playbook-edit"
                onClick={() => editPlaybook({ id: p.id, playbook: playbookInput(p) })}
              >
                {t('crisis.playbooks.edit')}
              </button>
              <ConfirmButton
                label={t('crisis.playbooks.delete')}
                question={t('crisis.playbooks.deleteQuestion')}
                confirmLabel={t('crisis.playbooks.deleteConfirm')}
                testId="playbook-delete"
                confirmTestId="playbook-delete-confirm"
                onConfirm={() => attempt(() => deletePlaybook({ id: p.id }))}
              />
            </div>
            {viewing === p.id ? <PlaybookDetails playbook={p} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect } from 'react';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { useCrisisBoard } from '../crisis/queries';
import { adoptCrisisWorkspace, openCrisisSettings, startDialog, useCrisis } from '../crisis/store';
import { useT } from '../i18n';
import { ActorField } from '../components/crisis/ActorField';
import { AlertList } from '../components/crisis/AlertList';
import { IncidentList } from '../components/crisis/IncidentList';
import { IncidentPanel } from '../components/crisis/IncidentPanel';
import { PastIncidents } from '../components/crisis/PastIncidents';
import { PlaybookEditor } from '../components/crisis/PlaybookEditor';
import { PlaybookLibrary } from '../components/crisis/PlaybookLibrary';
import { CrisisSettingsDialog } from '../components/crisis/CrisisSettingsDialog';
import { StartDialog } from '../components/crisis/StartDialog';
import { StatusBoard } from '../components/crisis/StatusBoard';
import '../components/crisis/crisis.css';

/**
 * Crisis alerts: the status board, open alerts and incidents on the left, the playbook library on
 * the right, past incidents below; one incident opens in a side panel. Times are the workspace's.
 */
export function CrisisPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  useEffect(() => adoptCrisisWorkspace(workspace.path), [workspace.path]);
  const mine = useCrisis((s) => s.workspacePath === workspace.path);
  const openId = useCrisis((s) => (mine ? s.openIncidentId : null));
  const starting = useCrisis((s) => (mine ? s.starting : null));
  const editing = useCrisis((s) => (mine ? s.editing : null));
  const settingsOpen = useCrisis((s) => mine && s.settingsOpen);
  const { data: board, loading } = useCrisisBoard(workspace.path);
  const openAlerts = board ? board.alerts.filter((a) => a.status !== 'resolved') : [];

  return (
    <section className="page crisis-page" data-testid="page-crisis" data-loading={loading || !board ? 'true' : 'false'}>
      <header className="page-header cr-header">
        <h1>{t('crisis.title')}</h1>
        <span className="muted cr-zone">{t('crisis.zone', { zone: workspace.timeZone })}</span>
        <span className="cr-spacer" />
        <ActorField />
        <button
          type="button"
          className="button-secondary"
          data-testid="crisis-settings-open"
          onClick={() => openCrisisSettings(true)}
        >
          {t('crisis.settings.open')}
        </button>
        <button
          type="button"
          className="button-primary"
          data-testid="crisis-start-blank"
          onClick={() => startDialog({ playbookId: null, title: '', alertId: null })}
        >
          {t('crisis.start.blank')}
        </button>
      </header>
      {board ? (
        <>
          <StatusBoard board={board} />
          <div className="cr-layout">
            <div className="cr-main">
              <IncidentList incidents={board.openIncidents} now={board.now} />
              <AlertList alerts={openAlerts} playbooks={board.playbooks} />
              <PastIncidents incidents={board.pastIncidents} />
            </div>
            <aside className="cr-side" aria-label={t('crisis.playbooks.title')}>
              <PlaybookLibrary playbooks={board.playbooks} locale={workspace.locale} />
            </aside>
          </div>
          {starting ? <StartDialog request={starting} playbooks={board.playbooks} /> : null}
          {editing ? <PlaybookEditor request={editing} /> : null}
          {openId !== null ? (
            <IncidentPanel
              workspacePath={workspace.path}
              id={openId}
              alerts={board.alerts}
              playbooks={board.playbooks}
            />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {settingsOpen ? <CrisisSettingsDialog workspacePath={workspace.path} playbooks={board?.playbooks ?? []} /> : null}
    </section>
  );
}

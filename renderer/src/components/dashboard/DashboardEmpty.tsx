import { useT } from '../../i18n';
import { useRoute } from '../../stores/route';

/** A workspace with no members yet: what the dashboard needs, and the way to Import. */
export function DashboardEmpty() {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  return (
    <section className="card dashboard-empty" data-testid="dashboard-empty">
      <h2>{t('dashboard.emptyTitle')}</h2>
      <p className="lead">{t('dashboard.empty')}</p>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => navigate({ page: 'import' })}>
          {t('dashboard.goImport')}
        </button>
      </div>
    </section>
  );
}

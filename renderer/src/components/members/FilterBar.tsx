import type { MemberOverview } from '../../../../shared/member-grid';
import { circles } from '../../../../shared/members/circles';
import { lifecycleStages } from '../../../../shared/members/lifecycle';
import { rfmSegments } from '../../../../shared/members/rfm';
import { useT } from '../../i18n';
import { circleLabel, lifecycleLabel, rfmLabel } from '../../members/labels';
import { choose, toggleChoice, useMembers } from '../../members/store';
import { ChipGroup, type ChipOption } from './ChipGroup';
import { QuickSearch } from './QuickSearch';

type Counts = MemberOverview['circles'];

/** The overview's counts as chips, in the engines' order (values this version does not know last). */
function options(counts: Counts, order: readonly string[], label: (value: string) => string): ChipOption[] {
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...counts]
    .sort((a, b) => rank(a.value) - rank(b.value))
    .map((c) => ({ value: c.value, label: label(c.value), count: c.count }));
}

/** The controls above the grid: quick search, circle / stage / segment chips, toggles and a tag. */
export function FilterBar({ overview }: { overview: MemberOverview }) {
  const t = useT();
  const choices = useMembers((s) => s.choices);

  return (
    <section className="filter-bar" aria-label={t('membersPage.filters')}>
      <div className="filter-row">
        <QuickSearch />
        <label className="toggle" data-testid="member-filter-koc">
          <input type="checkbox" checked={choices.kocOnly} onChange={(e) => choose({ kocOnly: e.target.checked })} />
          {t('membersPage.kocOnly')}
        </label>
        <label className="toggle" data-testid="member-filter-at-risk">
          <input
            type="checkbox"
            checked={choices.atRiskOnly}
            onChange={(e) => choose({ atRiskOnly: e.target.checked })}
          />
          {t('membersPage.atRiskOnly')}
        </label>
        {choices.joinedMonth ? (
          <span className="chip chip-selected chip-removable" data-testid="member-filter-joined" data-month={choices.joinedMonth}>
            {t('membersPage.joined', { month: choices.joinedMonth })}
            <button
              type="button"
              className="chip-remove"
              data-testid="member-filter-joined-remove"
              aria-label={t('membersPage.joinedRemove')}
              title={t('membersPage.joinedRemove')}
              onClick={() => choose({ joinedMonth: null })}
            >
              ×
            </button>
          </span>
        ) : null}
        <label className="tag-filter">
          <span className="chip-group-label">{t('membersPage.tag')}</span>
          <select
            data-testid="member-filter-tag"
            value={choices.tag ?? ''}
            onChange={(e) => choose({ tag: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('membersPage.anyTag')}</option>
            {overview.tags.map(({ tag, count }) => (
              <option key={tag} value={tag}>
                {tag} ({count})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ChipGroup
        name="circle"
        label={t('membersPage.col.circle')}
        options={options(overview.circles, circles, (v) => circleLabel(v, t))}
        chosen={choices.circles}
        onToggle={(v) => toggleChoice('circles', v)}
      />
      <ChipGroup
        name="lifecycle"
        label={t('membersPage.col.lifecycle')}
        options={options(overview.lifecycles, lifecycleStages, (v) => lifecycleLabel(v, t))}
        chosen={choices.lifecycles}
        onToggle={(v) => toggleChoice('lifecycles', v)}
      />
      <ChipGroup
        name="rfm"
        label={t('membersPage.col.rfmSegment')}
        options={options(overview.rfmSegments, rfmSegments, (v) => rfmLabel(v, t))}
        chosen={choices.rfmSegments}
        onToggle={(v) => toggleChoice('rfmSegments', v)}
      />
    </section>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { activityKinds } from '../../../../shared/import';
import { defaultMemberRules, type MemberRules } from '../../../../shared/members/rules';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/en';
import { saveMemberRules } from '../../members/mutations';
import { useMemberRules } from '../../members/queries';
import {
  addTier,
  formToRules,
  kindKey,
  ladderKey,
  numberSpecs,
  rulesTabs,
  rulesToForm,
  tabOf,
  type FieldError,
  type RulesForm,
  type RulesTab,
} from '../../members/rulesForm';
import { attempt } from '../../stores/errors';
import { Dialog } from '../Dialog';

type Translate = ReturnType<typeof useT>;

function errorText(error: FieldError, t: Translate): string {
  switch (error.code) {
    case 'range':
      return t('memberRules.error.range', { min: error.min, max: error.max });
    default:
      return t(`memberRules.error.${error.code}`);
  }
}

/** Each fixed number field's label. */
const labels: Record<string, MessageKey> = {
  'points.dailyCap': 'memberRules.points.dailyCap',
  'points.expiry.months': 'memberRules.points.expiryMonths',
  'tiers.windowDays': 'memberRules.tiers.windowDays',
  'tiers.hysteresis': 'memberRules.tiers.hysteresis',
  'circles.core.withinDays': 'memberRules.circles.coreWithin',
  'circles.core.minActiveDays': 'memberRules.circles.coreMin',
  'circles.active.withinDays': 'memberRules.circles.activeWithin',
  'circles.active.minActiveDays': 'memberRules.circles.activeMin',
  'circles.potential.withinDays': 'memberRules.circles.potentialWithin',
  'lifecycle.newDays': 'memberRules.lifecycle.newDays',
  'lifecycle.engagedMinActiveDays': 'memberRules.lifecycle.engagedMin',
  'lifecycle.engagedWithinDays': 'memberRules.lifecycle.engagedWithin',
  'lifecycle.atRiskAfterDays': 'memberRules.lifecycle.atRiskAfter',
  'lifecycle.dormantAfterDays': 'memberRules.lifecycle.dormantAfter',
  'lifecycle.returnedGapDays': 'memberRules.lifecycle.returnedGap',
  'koc.topShare': 'memberRules.koc.topShare',
  'koc.minActiveDays': 'memberRules.koc.minActiveDays',
  'koc.weights.repliesReceived': 'memberRules.koc.repliesReceived',
  'koc.weights.reactionsReceived': 'memberRules.koc.reactionsReceived',
  'koc.weights.mentionsReceived': 'memberRules.koc.mentionsReceived',
  'koc.weights.peopleReached': 'memberRules.koc.peopleReached',
  'koc.weights.referrals': 'memberRules.koc.referrals',
  'churn.horizon': 'memberRules.churn.horizon',
  'churn.riskThreshold': 'memberRules.churn.riskThreshold',
};

const tabLabels: Record<RulesTab, MessageKey> = {
  points: 'memberRules.tab.points',
  tiers: 'memberRules.tab.tiers',
  circles: 'memberRules.tab.circles',
  scores: 'memberRules.tab.scores',
};

const inputId = (key: string): string => `member-rule-${key.replace(/[^a-zA-Z0-9]+/g, '-')}`;

function ErrorLine({ error }: { error: FieldError | undefined }) {
  const t = useT();
  return error ? (
    <span className="field-error" data-testid="member-rule-error">
      {errorText(error, t)}
    </span>
  ) : null;
}

interface FieldProps {
  form: RulesForm;
  errors: Record<string, FieldError>;
  set(key: string, value: string): void;
}

/** A labelled number field from `numberSpecs`. */
function NumberField({ field, form, errors, set, hint }: FieldProps & { field: string; hint?: string }) {
  const t = useT();
  const labelKey = labels[field];
  return (
    <div className="field member-rule" data-field={field}>
      <label className="field-label" htmlFor={inputId(field)}>
        {labelKey ? t(labelKey) : field}
      </label>
      <input
        id={inputId(field)}
        inputMode="decimal"
        value={form.fields[field] ?? ''}
        aria-invalid={errors[field] !== undefined}
        onChange={(e) => set(field, e.target.value)}
      />
      {hint ? <span className="field-hint">{hint}</span> : null}
      <ErrorLine error={errors[field]} />
    </div>
  );
}

/** A labelled choice among fixed values (expiry mode, review interval, churn source and unit). */
function ChoiceField({
  field,
  label,
  options,
  form,
  set,
}: Omit<FieldProps, 'errors'> & { field: string; label: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field member-rule">
      <label className="field-label" htmlFor={inputId(field)}>
        {label}
      </label>
      <select id={inputId(field)} value={form.fields[field] ?? ''} onChange={(e) => set(field, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="member-rules-group">
      <legend>{title}</legend>
      <div className="member-rules-fields">{children}</div>
    </fieldset>
  );
}

function PointsTab(props: FieldProps) {
  const t = useT();
  const { form, errors, set } = props;
  const mode = form.fields['points.expiry.mode'];
  return (
    <>
      <p className="field-hint">{t('memberRules.points.hint')}</p>
      <table className="member-rules-kinds" data-testid="member-rules-kinds">
        <thead>
          <tr>
            <th scope="col">{t('memberRules.points.kind')}</th>
            <th scope="col">{t('memberRules.points.points')}</th>
            <th scope="col">{t('memberRules.points.kindCap')}</th>
          </tr>
        </thead>
        <tbody>
          {activityKinds.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(`kind.${kind}`)}</th>
              {(['points', 'dailyCap'] as const).map((field) => {
                const key = kindKey(kind, field);
                return (
                  <td key={field}>
                    <input
                      aria-label={`${t(`kind.${kind}`)} · ${t(field === 'points' ? 'memberRules.points.points' : 'memberRules.points.kindCap')}`}
                      data-testid={`member-rule-${kind}-${field}`}
                      inputMode="numeric"
                      placeholder={field === 'dailyCap' ? t('memberRules.noLimit') : undefined}
                      value={form.fields[key] ?? ''}
                      aria-invalid={errors[key] !== undefined}
                      onChange={(e) => set(key, e.target.value)}
                    />
                    <ErrorLine error={errors[key]} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Group title={t('memberRules.points.limits')}>
        <NumberField {...props} field="points.dailyCap" hint={t('memberRules.noLimitHint')} />
        <ChoiceField
          {...props}
          field="points.expiry.mode"
          label={t('memberRules.points.expiry')}
          options={(['none', 'inactivity', 'age'] as const).map((value) => ({
            value,
            label: t(`memberRules.points.expiry.${value}`),
          }))}
        />
        {mode === 'none' ? null : <NumberField {...props} field="points.expiry.months" />}
      </Group>
    </>
  );
}

function TiersTab(props: FieldProps & { setLadder(ladder: RulesForm['ladder']): void }) {
  const t = useT();
  const { form, errors, setLadder } = props;
  const edit = (index: number, change: Partial<RulesForm['ladder'][number]>) =>
    setLadder(form.ladder.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <>
      <p className="field-hint">{t('memberRules.tiers.hint')}</p>
      <Group title={t('memberRules.tiers.evaluation')}>
        <NumberField {...props} field="tiers.windowDays" />
        <ChoiceField
          {...props}
          field="tiers.review"
          label={t('memberRules.tiers.review')}
          options={(['monthly', 'quarterly'] as const).map((value) => ({
            value,
            label: t(`memberRules.tiers.review.${value}`),
          }))}
        />
        <NumberField {...props} field="tiers.hysteresis" />
      </Group>
      <table className="member-rules-ladder" data-testid="member-rules-ladder">
        <thead>
          <tr>
            <th scope="col">{t('memberRules.tiers.nameZh')}</th>
            <th scope="col">{t('memberRules.tiers.nameEn')}</th>
            <th scope="col">{t('memberRules.tiers.threshold')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('memberRules.tiers.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {form.ladder.map((row, i) => (
            <tr key={row.id} data-testid="member-rules-tier" data-tier={row.id}>
              {(
                [
                  ['zh', 'name.zh-CN', 'memberRules.tiers.nameZh'],
                  ['en', 'name.en', 'memberRules.tiers.nameEn'],
                  ['threshold', 'threshold', 'memberRules.tiers.threshold'],
                ] as const
              ).map(([field, errorField, label]) => (
                <td key={field}>
                  <input
                    aria-label={`${t(label)} ${i + 1}`}
                    data-testid={`member-rules-tier-${field}`}
                    inputMode={field === 'threshold' ? 'numeric' : undefined}
                    disabled={field === 'threshold' && i === 0}
                    value={row[field]}
                    aria-invalid={errors[ladderKey(i, errorField)] !== undefined}
                    onChange={(e) => edit(i, { [field]: e.target.value })}
                  />
                  <ErrorLine error={errors[ladderKey(i, errorField)]} />
                </td>
              ))}
              <td>
                {/* The first tier is where everyone starts: it can be renamed, not removed. */}
                {i === 0 ? null : (
                  <button
                    type="button"
                    className="button-quiet button-small"
                    data-testid="member-rules-tier-remove"
                    disabled={form.ladder.length <= 2}
                    onClick={() => setLadder(form.ladder.filter((_, j) => j !== i))}
                  >
                    {t('memberRules.tiers.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button-secondary button-small member-rules-add"
        data-testid="member-rules-add-tier"
        disabled={form.ladder.length >= 8}
        onClick={() =>
          setLadder(addTier(form.ladder, { en: t('memberRules.tiers.newEn'), zh: t('memberRules.tiers.newZh') }))
        }
      >
        {t('memberRules.tiers.add')}
      </button>
    </>
  );
}

const fieldsOf = (prefix: string): string[] => numberSpecs.filter((s) => s.key.startsWith(prefix)).map((s) => s.key);

function CirclesTab(props: FieldProps) {
  const t = useT();
  return (
    <>
      <Group title={t('memberRules.circles.title')}>
        {fieldsOf('circles.').map((field) => (
          <NumberField key={field} {...props} field={field} />
        ))}
      </Group>
      <Group title={t('memberRules.lifecycle.title')}>
        {fieldsOf('lifecycle.').map((field) => (
          <NumberField key={field} {...props} field={field} />
        ))}
      </Group>
    </>
  );
}

function ScoresTab(props: FieldProps) {
  const t = useT();
  return (
    <>
      <Group title={t('memberRules.koc.title')}>
        {fieldsOf('koc.').map((field) => (
          <NumberField key={field} {...props} field={field} />
        ))}
      </Group>
      <Group title={t('memberRules.churn.title')}>
        <ChoiceField
          {...props}
          field="churn.source"
          label={t('memberRules.churn.source')}
          options={(['auto', 'orders', 'activity'] as const).map((value) => ({
            value,
            label: t(`memberRules.churn.source.${value}`),
          }))}
        />
        <ChoiceField
          {...props}
          field="churn.unit"
          label={t('memberRules.churn.unit')}
          options={(['week', 'day'] as const).map((value) => ({
            value,
            label: t(`memberRules.churn.unit.${value}`),
          }))}
        />
        {fieldsOf('churn.').map((field) => (
          <NumberField key={field} {...props} field={field} />
        ))}
      </Group>
    </>
  );
}

/** The editor's body, made fresh from the stored rules each time the dialog opens. */
function RulesEditor({ stored, onClose }: { stored: MemberRules; onClose(): void }) {
  const t = useT();
  const [form, setForm] = useState<RulesForm>(() => rulesToForm(stored));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [tab, setTab] = useState<RulesTab>('points');
  const [busy, setBusy] = useState(false);
  const set = (key: string, value: string) =>
    setForm((current) => ({ ...current, fields: { ...current.fields, [key]: value } }));
  const setLadder = (ladder: RulesForm['ladder']) => setForm((current) => ({ ...current, ladder }));
  const withErrors = new Set(Object.keys(errors).map(tabOf));

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = formToRules(form);
    setErrors(result.errors);
    const rules = result.rules;
    if (!rules) {
      const first = Object.keys(result.errors)[0];
      if (first) setTab(tabOf(first));
      return;
    }
    setBusy(true);
    const saved = await attempt(() => saveMemberRules(rules));
    setBusy(false);
    if (saved) onClose();
  }

  const props = { form, errors, set };
  return (
    <form className="member-rules-form" onSubmit={(e) => void save(e)} noValidate>
      <div className="tabs" role="tablist">
        {rulesTabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === id}
            data-testid={`member-rules-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(tabLabels[id])}
            {withErrors.has(id) ? (
              <span className="member-rules-tab-error" aria-label={t('memberRules.tabHasErrors')}>
                {' '}
                •
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="dialog-body member-rules-body" role="tabpanel">
        {tab === 'points' ? <PointsTab {...props} /> : null}
        {tab === 'tiers' ? <TiersTab {...props} setLadder={setLadder} /> : null}
        {tab === 'circles' ? <CirclesTab {...props} /> : null}
        {tab === 'scores' ? <ScoresTab {...props} /> : null}
      </div>
      <footer className="dialog-foot">
        <span className="field-hint member-rules-note">{t('memberRules.recomputeNote')}</span>
        <button
          type="button"
          className="button-quiet"
          data-testid="member-rules-defaults"
          onClick={() => {
            setForm(rulesToForm(defaultMemberRules));
            setErrors({});
          }}
        >
          {t('memberRules.defaults')}
        </button>
        <button type="submit" className="button-primary" data-testid="member-rules-save" disabled={busy}>
          {busy ? t('memberRules.saving') : t('memberRules.save')}
        </button>
      </footer>
    </form>
  );
}

/** "Member rules": what earns points, the tier ladder, circles, lifecycle, KOC and churn settings. */
export function RulesDialog({ workspacePath, onClose }: { workspacePath: string; onClose(): void }) {
  const t = useT();
  const stored = useMemberRules(workspacePath).data;
  return (
    <Dialog
      titleId="member-rules-title"
      title={t('memberRules.title')}
      testId="member-rules"
      onClose={onClose}
      closeLabel={t('memberRules.close')}
      closeTestId="member-rules-close"
      wide
      className="member-rules"
    >
      {stored ? (
        <RulesEditor stored={stored} onClose={onClose} />
      ) : (
        <p className="dialog-body muted">{t('app.loading')}</p>
      )}
    </Dialog>
  );
}

import { useState, type FormEvent } from 'react';
import {
  alertRuleKinds,
  alertRuleParamsSchema,
  warningColours,
  type AlertRule,
  type AlertRuleKind,
  type Playbook,
  type WarningColour,
} from '../../../../shared/crisis';
import { colourKey, levelKey, ruleKindKey } from '../../crisis/labels';
import { deleteRule, saveRule } from '../../crisis/mutations';
import { useAlertRules } from '../../crisis/queries';
import { fieldToParam, paramsForKind, paramToField, type ParamName } from '../../crisis/ruleForm';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { ConfirmButton } from '../ConfirmButton';

const levels = [1, 2, 3, 4, 5] as const;

/** The alert rules, each editable in place; a new one starts from the seeds' thresholds. */
export function RulesEditor({ workspacePath, playbooks }: { workspacePath: string; playbooks: readonly Playbook[] }) {
  const t = useT();
  const rules = useAlertRules(workspacePath).data;
  const [adding, setAdding] = useState(false);
  if (!rules) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="cr-rules" data-testid="crisis-rules">
      {rules.map((r) => (
        <RuleForm key={`${r.id}:${JSON.stringify(r)}`} rule={r} playbooks={playbooks} onDone={() => undefined} />
      ))}
      {adding ? (
        <RuleForm rule={null} playbooks={playbooks} onDone={() => setAdding(false)} />
      ) : (
        <button
          type="button"
          className="button-secondary button-small"
          data-testid="rule-add"
          onClick={() => setAdding(true)}
        >
          {t('crisis.rules.add')}
        </button>
      )}
    </div>
  );
}

type PlaybookRef = string | number | null;
const refValue = (ref: PlaybookRef) => (ref === null ? '' : typeof ref === 'number' ? `id:${ref}` : `key:${ref}`);
const refFrom = (value: string): PlaybookRef =>
  value === '' ? null : value.startsWith('id:') ? Number(value.slice(3)) : value.slice(4);

const paramLabel = (p: ParamName): MessageKey => `crisis.param.${p}`;

function RuleForm({
  rule,
  playbooks,
  onDone,
}: {
  rule: AlertRule | null;
  playbooks: readonly Playbook[];
  onDone(): void;
}) {
  const t = useT();
  const defaults = alertRuleParamsSchema.parse({});
  const [kind, setKind] = useState<AlertRuleKind>(rule?.kind ?? 'sensitive_words');
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [colour, setColour] = useState<WarningColour>(rule?.colour ?? 'yellow');
  const [level, setLevel] = useState<number>(rule?.level ?? 2);
  const [params, setParams] = useState<Record<ParamName, string>>(
    () =>
      Object.fromEntries(
        (Object.keys(defaults) as ParamName[]).map((p) => [p, paramToField(p, (rule?.params ?? defaults)[p])]),
      ) as Record<ParamName, string>,
  );
  const [playbook, setPlaybook] = useState<PlaybookRef>(rule?.playbook ?? null);
  const [busy, setBusy] = useState(false);
  const idBase = `cr-rule-${rule?.id ?? 'new'}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const saved = await attempt(() =>
      saveRule({
        ...(rule ? { id: rule.id } : {}),
        rule: {
          kind,
          name: name.trim(),
          enabled,
          colour,
          level,
          params: Object.fromEntries(
            (Object.keys(params) as ParamName[]).map((p) => [p, fieldToParam(p, params[p])]),
          ) as Record<ParamName, number>,
          playbook,
        },
      }),
    );
    setBusy(false);
    if (saved) onDone();
  }

  const options = playbooks.map((p) => ({ value: refValue(p.builtinKey ?? p.id), label: p.name }));
  if (playbook !== null && !options.some((o) => o.value === refValue(playbook)))
    options.unshift({ value: refValue(playbook), label: String(playbook) });

  return (
    <form
      className={`cr-rule${enabled ? '' : ' cr-rule-off'}`}
      data-testid="rule-form"
      data-id={rule?.id ?? ''}
      data-kind={kind}
      onSubmit={(e) => void save(e)}
    >
      <div className="cr-rule-head">
        <label className="cr-check">
          <input
            type="checkbox"
            checked={enabled}
            data-testid="rule-enabled"
            onChange={(e) => setEnabled(e.target.checked)}
          />
          <span>{t('crisis.rules.enabled')}</span>
        </label>
        <input
          className="cr-rule-name"
          value={name}
          required
          maxLength={120}
          placeholder={t('crisis.rules.name')}
          aria-label={t('crisis.rules.name')}
          data-testid="rule-name"
          onChange={(e) => setName(e.target.value)}
        />
        <select
          value={kind}
          aria-label={t('crisis.rules.kind')}
          data-testid="rule-kind"
          onChange={(e) => setKind(e.target.value as AlertRuleKind)}
        >
          {alertRuleKinds.map((k) => (
            <option key={k} value={k}>
              {t(ruleKindKey(k))}
            </option>
          ))}
        </select>
      </div>
      <div className="cr-rule-fields">
        {paramsForKind[kind].map((p) => (
          <div className="field" key={p}>
            <label className="field-label" htmlFor={`${idBase}-${p}`}>
              {t(paramLabel(p))}
            </label>
            <input
              id={`${idBase}-${p}`}
              type="number"
              min={0}
              step="any"
              value={params[p]}
              data-testid="rule-param"
              data-param={p}
              onChange={(e) => setParams({ ...params, [p]: e.target.value })}
            />
          </div>
        ))}
        <div className="field">
          <label className="field-label" htmlFor={`${idBase}-colour`}>
            {t('crisis.levelForm.colour')}
          </label>
          <select
            id={`${idBase}-colour`}
            value={colour}
            data-testid="rule-colour"
            onChange={(e) => setColour(e.target.value as WarningColour)}
          >
            {warningColours.map((c) => (
              <option key={c} value={c}>
                {t(colourKey(c))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${idBase}-level`}>
            {t('crisis.levelForm.level')}
          </label>
          <select
            id={`${idBase}-level`}
            value={level}
            data-testid="rule-level"
            onChange={(e) => setLevel(Number(e.target.value))}
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {l} · {t(levelKey(l))}
              </option>
            ))}
          </select>
        </div>
        <div className="field cr-rule-playbook">
          <label className="field-label" htmlFor={`${idBase}-playbook`}>
            {t('crisis.rules.playbook')}
          </label>
          <select
            id={`${idBase}-playbook`}
            value={refValue(playbook)}
            data-testid="rule-playbook"
            onChange={(e) => setPlaybook(refFrom(e.target.value))}
          >
            <option value="">{t('crisis.rules.noPlaybook')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="cr-actions">
        <span className="cr-spacer" />
        {rule ? (
          <ConfirmButton
            label={t('crisis.rules.delete')}
            question={t('crisis.rules.deleteQuestion')}
            confirmLabel={t('crisis.rules.delete')}
            testId="rule-delete"
            confirmTestId="rule-delete-confirm"
            onConfirm={() => attempt(() => deleteRule({ id: rule.id }))}
          />
        ) : (
          <button type="button" className="button-quiet button-small" onClick={onDone}>
            {t('crisis.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="button-primary button-small"
          disabled={busy || !name.trim()}
          data-testid="rule-save"
        >
          {t('crisis.rules.save')}
        </button>
      </div>
    </form>
  );
}

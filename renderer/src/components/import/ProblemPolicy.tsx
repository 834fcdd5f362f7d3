import { useT, type MessageKey } from '../../i18n';
import { useImport, type OnProblem } from '../../import/store';

const choices: { value: OnProblem; label: MessageKey; hint: MessageKey }[] = [
  { value: 'abort', label: 'policy.abort', hint: 'policy.abortHint' },
  { value: 'skip', label: 'policy.skip', hint: 'policy.skipHint' },
];

/** What to do with rows that cannot be imported: stop without changing anything, or leave them out. */
export function ProblemPolicy() {
  const t = useT();
  const onProblem = useImport((s) => s.onProblem);
  return (
    <fieldset className="policy" data-testid="import-on-problem">
      <legend className="field-label">{t('policy.title')}</legend>
      {choices.map((c) => (
        <label key={c.value} className={onProblem === c.value ? 'policy-choice selected' : 'policy-choice'}>
          <input
            type="radio"
            name="import-on-problem"
            value={c.value}
            data-testid={`import-on-problem-${c.value}`}
            checked={onProblem === c.value}
            onChange={() => useImport.setState({ onProblem: c.value })}
          />
          <span>
            <span className="policy-label">{t(c.label)}</span>
            <span className="field-hint">{t(c.hint)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

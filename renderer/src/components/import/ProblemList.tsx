import { useId } from 'react';
import type { ImportProblem } from '../../../../shared/import';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';

interface ProblemListProps {
  problems: ImportProblem[];
  testId: string;
  title: string;
  note?: string;
}

/** Rows Hearth cannot import: where (line, field), what was there, and why. */
export function ProblemList({ problems, testId, title, note }: ProblemListProps) {
  const t = useT();
  const f = useFormatters();
  const id = useId();
  return (
    <section className="card problems" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="badge badge-warn">{f.number(problems.length)}</span>
      </div>
      {note ? <p className="field-hint">{note}</p> : null}
      <div className="table-scroll short">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="col-line num">
                {t('problems.line')}
              </th>
              <th scope="col">{t('problems.field')}</th>
              <th scope="col">{t('problems.value')}</th>
              <th scope="col">{t('problems.message')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.line}-${p.field}-${i}`} data-testid="import-problem" data-line={p.line} data-field={p.field}>
                <td className="col-line num">{p.line}</td>
                <td className="mono">{p.field}</td>
                <td className="mono problem-value" title={p.value}>
                  {p.value ?? '—'}
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

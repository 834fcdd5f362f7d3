import { useState } from 'react';
import type { MessageTemplate } from '../../../../shared/crisis';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

/** The playbook's message templates, each with a copy button (holding statement, apology…). */
export function Templates({ templates }: { templates: readonly MessageTemplate[] }) {
  const t = useT();
  const [copied, setCopied] = useState<number | null>(null);

  async function copy(i: number, text: string) {
    const done = await attempt(async () => {
      await navigator.clipboard.writeText(text);
      return true;
    });
    if (done) setCopied(i);
  }

  return (
    <section className="cr-section" aria-labelledby="cr-templates-title" data-testid="incident-templates">
      <h3 id="cr-templates-title">{t('crisis.templates.title')}</h3>
      <ul className="cr-templates">
        {templates.map((tpl, i) => (
          <li key={i} className="cr-template">
            <div className="cr-template-head">
              <strong>{tpl.name}</strong>
              <button
                type="button"
                className="button-secondary button-small"
                data-testid="template-copy"
                onClick={() => void copy(i, tpl.text)}
              >
                {copied === i ? t('crisis.templates.copied') : t('crisis.templates.copy')}
              </button>
            </div>
            <p className="cr-template-text">{tpl.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

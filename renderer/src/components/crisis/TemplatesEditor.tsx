import { useT } from '../../i18n';

type Template = { name: string; text: string };

/** Message templates (holding statement, apology, FAQ answer): a name and the text. */
export function TemplatesEditor({
  templates,
  onChange,
}: {
  templates: readonly Template[];
  onChange(t: Template[]): void;
}) {
  const t = useT();
  const setRow = (i: number, patch: Partial<Template>) =>
    onChange(templates.map((tpl, j) => (j === i ? { ...tpl, ...patch } : tpl)));
  return (
    <fieldset className="cr-fieldset" data-testid="pb-templates">
      <legend>{t('crisis.templates.title')}</legend>
      {templates.map((tpl, i) => (
        <div className="cr-template-edit" key={i} data-testid="pb-template">
          <div className="cr-template-head">
            <input
              value={tpl.name}
              maxLength={120}
              placeholder={t('crisis.editor.templateName')}
              aria-label={t('crisis.editor.templateName')}
              data-testid="pb-template-name"
              onChange={(e) => setRow(i, { name: e.target.value })}
            />
            <button
              type="button"
              className="button-quiet button-small"
              aria-label={t('crisis.remove')}
              data-testid="pb-template-remove"
              onClick={() => onChange(templates.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
          <textarea
            rows={3}
            value={tpl.text}
            maxLength={5000}
            aria-label={t('crisis.editor.templateText')}
            data-testid="pb-template-text"
            onChange={(e) => setRow(i, { text: e.target.value })}
          />
        </div>
      ))}
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="pb-template-add"
        onClick={() => onChange([...templates, { name: '', text: '' }])}
      >
        {t('crisis.editor.addTemplate')}
      </button>
    </fieldset>
  );
}

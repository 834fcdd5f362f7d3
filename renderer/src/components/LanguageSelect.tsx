import { useLanguage } from '../stores/language';
import { useT } from '../i18n';
import { LocaleSelect } from './LocaleSelect';

/** The UI language switch; remembered by the services. */
export function LanguageSelect({ id, testId }: { id?: string; testId: string }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const choose = useLanguage((s) => s.choose);
  return (
    <LocaleSelect
      id={id}
      testId={testId}
      value={language}
      ariaLabel={t('language.label')}
      onChange={(next) => void choose(next)}
    />
  );
}

import { useT } from '../i18n';
import { LanguageSelect } from './LanguageSelect';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

export function TopBar() {
  const t = useT();
  return (
    <header className="top-bar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.title')}
      </span>
      <WorkspaceSwitcher />
      <span className="top-bar-spacer" />
      <LanguageSelect testId="language-select" />
    </header>
  );
}

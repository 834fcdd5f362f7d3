import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';

interface NotBuiltProps {
  testId: string;
  title: MessageKey;
  text: MessageKey;
  /** Real facts the page can already show. */
  children?: ReactNode;
}

/** A page that says plainly that it is not built yet, and what it will do. */
export function NotBuilt({ testId, title, text, children }: NotBuiltProps) {
  const t = useT();
  return (
    <section className="page" data-testid={testId}>
      <header className="page-header">
        <h1>{t(title)}</h1>
        <span className="badge" data-testid="not-built">
          {t('notBuilt.badge')}
        </span>
      </header>
      <p className="not-built-text">{t(text)}</p>
      {children}
    </section>
  );
}

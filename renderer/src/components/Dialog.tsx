import type { FormEvent, ReactNode } from 'react';
import { useEscape } from './useEscape';

interface DialogProps {
  /** Id of the heading, which names the dialog for assistive technology. */
  titleId: string;
  title: ReactNode;
  testId: string;
  /** Called by the close button and by Escape. */
  onClose(): void;
  closeLabel: string;
  closeTestId?: string;
  wide?: boolean;
  className?: string;
  /** Makes the panel a form (its footer's submit button submits it). */
  onSubmit?(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
}

/**
 * A modal panel over the dimmed page: a heading with a close button, then the caller's body (and
 * footer). Escape closes it.
 *
 * @example
 * <Dialog titleId="x-title" title="Settings" testId="x" onClose={close} closeLabel="Close">…</Dialog>
 */
export function Dialog({
  titleId,
  title,
  testId,
  onClose,
  closeLabel,
  closeTestId,
  wide,
  className,
  onSubmit,
  children,
}: DialogProps) {
  useEscape(onClose);
  const head = (
    <header className="dialog-head">
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="button-quiet" data-testid={closeTestId} onClick={onClose}>
        {closeLabel}
      </button>
    </header>
  );
  const panel = {
    className: ['dialog', wide ? 'dialog-wide' : '', className ?? ''].filter(Boolean).join(' '),
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    'data-testid': testId,
  } as const;
  return (
    <div className="dialog-backdrop">
      {onSubmit ? (
        <form {...panel} onSubmit={onSubmit}>
          {head}
          {children}
        </form>
      ) : (
        <div {...panel}>
          {head}
          {children}
        </div>
      )}
    </div>
  );
}

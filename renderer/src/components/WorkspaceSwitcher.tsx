import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { SwitcherMenu } from './SwitcherMenu';

/** The top bar's workspace button; its menu closes on Escape or a click elsewhere. */
export function WorkspaceSwitcher() {
  const t = useT();
  const workspace = useSession((s) => s.workspace);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="switcher" ref={rootRef}>
      <button
        type="button"
        className="switcher-button"
        data-testid="workspace-switcher"
        aria-haspopup="menu"
        aria-expanded={open}
        title={workspace?.path ?? t('switcher.label')}
        onClick={() => setOpen((o) => !o)}
      >
        {workspace ? (
          <span className="switcher-name" data-testid="current-workspace-name">
            {workspace.name}
          </span>
        ) : (
          <span className="switcher-name muted">{t('switcher.none')}</span>
        )}
        <span className="switcher-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? <SwitcherMenu onDone={() => setOpen(false)} /> : null}
    </div>
  );
}

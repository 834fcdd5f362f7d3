import { useRef, useState } from 'react';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { SwitcherMenu } from './SwitcherMenu';
import { useDismiss } from './useDismiss';

/** The top bar's workspace button; its menu closes on Escape or a click elsewhere. */
export function WorkspaceSwitcher() {
  const t = useT();
  const workspace = useSession((s) => s.workspace);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useDismiss(open, rootRef, () => setOpen(false));

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

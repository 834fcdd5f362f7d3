import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { choose, useMembers } from '../../members/store';

// Long enough not to reload the grid on every keystroke (or every IME composition step).
const PAUSE_MS = 250;

/** Searches names, handles and emails, Chinese or Latin, once typing pauses. */
export function QuickSearch() {
  const t = useT();
  const applied = useMembers((s) => s.choices.quick);
  const [text, setText] = useState(applied);
  const [composing, setComposing] = useState(false);

  // Cleared from outside (another workspace): show that.
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    setSeen(applied);
    if (applied !== text.trim()) setText(applied);
  }

  useEffect(() => {
    // Half-typed pinyin is not a search yet; wait for the chosen characters.
    if (composing || text.trim() === applied) return;
    const timer = setTimeout(() => choose({ quick: text.trim() }), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, composing, applied]);

  return (
    <div className="quick-search">
      <label className="visually-hidden" htmlFor="member-quick-search">
        {t('membersPage.search')}
      </label>
      <input
        id="member-quick-search"
        type="search"
        data-testid="member-quick-search"
        placeholder={t('membersPage.searchPlaceholder')}
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={() => setComposing(false)}
      />
    </div>
  );
}

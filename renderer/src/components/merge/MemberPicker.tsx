import { useId, useState } from 'react';
import type { MemberBrief } from '../../../../shared/members';
import { useT } from '../../i18n';
import { useMemberSearch } from '../../members/useMemberSearch';
import { MemberCard } from './MemberCard';
import { MemberCell } from './MemberCell';

interface MemberPickerProps {
  side: 'a' | 'b';
  label: string;
  picked: MemberBrief | null;
  onPick(member: MemberBrief | null): void;
}

/** Find a member by name, handle or email and pick one; the picked member can be changed. */
export function MemberPicker({ side, label, picked, onPick }: MemberPickerProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const { results, searching } = useMemberSearch(picked ? '' : query);

  if (picked) {
    return (
      <div className="member-picker" data-testid={`merge-picked-${side}`}>
        <span className="field-label">{label}</span>
        <MemberCard member={picked} />
        <button type="button" className="button-quiet button-small" data-testid={`merge-change-${side}`} onClick={() => onPick(null)}>
          {t('merge.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="member-picker">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        data-testid={`merge-search-${side}`}
        value={query}
        autoComplete="off"
        placeholder={t('merge.searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() && !searching && results.length === 0 ? <p className="field-hint">{t('merge.noMatches')}</p> : null}
      <ul className="pick-list">
        {results.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              className="pick"
              data-testid="merge-pick"
              data-member-id={member.id}
              onClick={() => {
                onPick(member);
                setQuery('');
              }}
            >
              <MemberCell member={member} nameClass="member-name" />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

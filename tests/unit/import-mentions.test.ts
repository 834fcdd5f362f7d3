import { describe, expect, it } from 'vitest';
import { mentionHandle, uniqueMentions } from '../../shared/import';

describe('mention refs', () => {
  it('stores handles without @, with A–Z folded as SQLite lower() folds them', () => {
    expect(mentionHandle('@Jason_Wihardja')).toBe('jason_wihardja');
    expect(mentionHandle('  @@Ann ')).toBe('ann');
    // lower() leaves letters beyond ASCII as they are; so does a stored mention.
    expect(mentionHandle('@ÉMILE')).toBe('Émile');
    expect(mentionHandle('@')).toBeNull();
    expect(mentionHandle('')).toBeNull();
  });

  it('keeps each person once, in order, and nothing when nobody is left', () => {
    expect(
      uniqueMentions([
        { handle: '@Ann' },
        { externalId: 'U1' },
        { handle: 'ann' },
        { externalId: 'U1' },
        { externalId: 'ann' },
      ]),
    ).toEqual([{ handle: 'ann' }, { externalId: 'U1' }, { externalId: 'ann' }]);
    expect(uniqueMentions([{ handle: '@' }, { externalId: '' }])).toBeUndefined();
    expect(uniqueMentions([])).toBeUndefined();
  });
});

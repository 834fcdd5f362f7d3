import { describe, expect, it } from 'vitest';
import type { IncidentEvent, PostmortemInput } from '../../shared/crisis';
import {
  allowedIncidentOps,
  applyIncidentOp,
  checkPostmortem,
  IncidentTransitionError,
  incidentOps,
  incidentTimeline,
  levelChange,
  type IncidentStatus,
} from '../../shared/crisis/incident';
import { HearthError, toErrorData } from '../../shared/errors';

describe('incident operations', () => {
  it('allows everything but reopen while open, only note and reopen once closed', () => {
    expect(allowedIncidentOps({ status: 'open' })).toEqual(['tick', 'untick', 'assign', 'note', 'level', 'close']);
    expect(allowedIncidentOps({ status: 'closed' })).toEqual(['note', 'reopen']);
  });

  it('agrees with allowedIncidentOps for every status and operation', () => {
    const statuses: IncidentStatus[] = ['open', 'closed'];
    for (const status of statuses) {
      const allowed = allowedIncidentOps({ status });
      for (const op of incidentOps) {
        if (allowed.includes(op)) {
          const next = applyIncidentOp({ status }, op);
          expect(next).toBe(op === 'close' ? 'closed' : op === 'reopen' ? 'open' : status);
        } else {
          expect(() => applyIncidentOp({ status }, op)).toThrow(IncidentTransitionError);
        }
      }
    }
  });

  it('throws an error that crosses boundaries as data', () => {
    let caught: unknown;
    try {
      applyIncidentOp({ status: 'closed' }, 'tick');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IncidentTransitionError);
    expect(caught).toBeInstanceOf(HearthError);
    expect(toErrorData(caught)).toEqual({
      code: 'invalid_argument',
      message: 'Cannot tick a closed incident',
      details: { status: 'closed', op: 'tick' },
    });
    expect(() => applyIncidentOp({ status: 'open' }, 'reopen')).toThrow(IncidentTransitionError);
  });

  it('returns a fresh list each time', () => {
    const ops = allowedIncidentOps({ status: 'open' });
    ops.pop();
    expect(allowedIncidentOps({ status: 'open' })).toContain('close');
  });
});

describe('levelChange', () => {
  it('is decided by the level, or a recolouring at the same level', () => {
    expect(levelChange({ colour: 'yellow', level: 2 }, { colour: 'orange', level: 3 })).toBe('raised');
    expect(levelChange({ colour: 'red', level: 4 }, { colour: 'red', level: 5 })).toBe('raised');
    expect(levelChange({ colour: 'red', level: 5 }, { colour: 'red', level: 4 })).toBe('lowered');
    expect(levelChange({ colour: 'orange', level: 3 }, { colour: 'green', level: 1 })).toBe('lowered');
    expect(levelChange({ colour: 'red', level: 4 }, { colour: 'orange', level: 4 })).toBe('recoloured');
    expect(levelChange({ colour: 'yellow', level: 2 }, { colour: 'red', level: 2 })).toBe('recoloured');
  });

  it('throws when nothing changes', () => {
    expect(() => levelChange({ colour: 'red', level: 4 }, { colour: 'red', level: 4 })).toThrow(HearthError);
  });
});

describe('checkPostmortem', () => {
  const base: PostmortemInput = {
    summary: 'Roast batch 42 shipped stale; 300 complaints in two days.',
    impact: { members: 280, messages: 1200, negativeShare: 0.41, notes: '' },
    wentWell: 'Holding statement out in 40 minutes.',
    toChange: '',
    followUps: [{ title: 'Add a freshness check at packing', owner: 'ops', due: '2026-12-15' }],
  };

  it('is empty for a complete post-mortem', () => {
    expect(checkPostmortem(base)).toEqual([]);
    expect(checkPostmortem({ ...base, wentWell: '', toChange: 'Faster refunds' })).toEqual([]);
    expect(checkPostmortem({ ...base, followUps: [] })).toEqual([]);
  });

  it('lists the summary, the lessons and every untitled follow-up', () => {
    expect(
      checkPostmortem({
        ...base,
        summary: '  ',
        wentWell: ' ',
        toChange: '',
        followUps: [
          { title: 'ok', owner: '', due: null },
          { title: ' ', owner: '', due: null },
          { title: '', owner: 'x', due: null },
        ],
      }),
    ).toEqual(['summary', 'lessons', 'followUps.1.title', 'followUps.2.title']);
  });
});

describe('incidentTimeline', () => {
  it('sorts by time, ties by id, without changing the input', () => {
    const events: IncidentEvent[] = [
      { id: 3, ts: 200, kind: 'note', text: 'c' },
      { id: 2, ts: 100, kind: 'detected', text: 'b' },
      { id: 1, ts: 100, kind: 'started', text: 'a' },
      { id: 4, ts: 50, kind: 'statement', text: 'backdated' },
    ];
    expect(incidentTimeline(events, []).map((e) => e.id)).toEqual([4, 1, 2, 3]);
    expect(events.map((e) => e.id)).toEqual([3, 2, 1, 4]);
  });
});

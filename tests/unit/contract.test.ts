import { describe, expect, it } from 'vitest';
import { api, isMethod, methods } from '../../shared/api';
import { HearthError, isErrorData, toErrorData } from '../../shared/errors';
import { workspaceFileStem } from '../../shared/workspace';
import { parseArgs } from '../../electron/cli/args';

describe('the API contract', () => {
  it('names methods domain/verb and rejects unknown ones', () => {
    expect(methods.length).toBeGreaterThan(5);
    for (const m of methods) expect(m).toMatch(/^[a-z]+(\/[a-z-]+)+$/);
    expect(isMethod('workspace/open')).toBe(true);
    expect(isMethod('__proto__')).toBe(false);
    expect(isMethod('toString')).toBe(false);
  });

  it('validates arguments strictly', () => {
    const create = api['workspace/create'].input;
    expect(create.safeParse({ name: '咖啡社群' }).success).toBe(true);
    expect(create.safeParse({ name: '   ' }).success).toBe(false);
    expect(create.safeParse({ name: 'a', timeZone: 'Nowhere/City' }).success).toBe(false);
    expect(create.safeParse({ name: 'a', currency: 'yuan' }).success).toBe(false);
    expect(create.safeParse({ name: 'a', admin: true }).success).toBe(false);
    expect(create.safeParse({ name: 'bad\u0007name' }).success).toBe(false);
    expect(create.parse({ name: '  Acme  ' }).name).toBe('Acme');
  });
});

describe('errors as data', () => {
  it('keeps code, message and details', () => {
    const data = toErrorData(new HearthError('not_found', 'gone', { file: 'a.hearth' }));
    expect(data).toEqual({ code: 'not_found', message: 'gone', details: { file: 'a.hearth' } });
    expect(isErrorData(data)).toBe(true);
    expect(toErrorData(new TypeError('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(isErrorData({ code: 'made_up', message: 'x' })).toBe(false);
  });
});

describe('workspace file names', () => {
  it('keeps CJK and drops path characters', () => {
    expect(workspaceFileStem('../咖啡 社群/2026')).toBe('咖啡 社群 2026');
    expect(workspaceFileStem('C:\\Users\\x')).toBe('C Users x');
    expect(workspaceFileStem('///')).toBe('workspace');
  });
});

describe('CLI arguments', () => {
  it('reads positionals, flags and switches', () => {
    const args = parseArgs(['demo', 'a.hearth', '--members', '10', '--seed=7', '--json'], ['json']);
    expect(args.positionals).toEqual(['demo', 'a.hearth']);
    expect(Object.fromEntries(args.flags)).toEqual({ members: '10', seed: '7', json: true });
    expect(() => parseArgs(['--members'], [])).toThrow(/--members needs a value/);
  });
});

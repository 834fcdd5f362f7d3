/**
 * Bounded import fuzzing: every importer fed mutated fixtures and the fixed nasty inputs (zip
 * bombs, zip slip, 20 MB fields, 100k-deep JSON, empty, garbage, folders, missing paths). Each
 * case must import (and re-import as a no-op) or fail with a clean HearthError that changes
 * nothing. Replay a failure with `npm run fuzz -- --replay '<case id>'`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedCases, mutatedCases } from '../fuzz/cases';
import { openFuzzWorkspace, runCase } from '../fuzz/harness';
import { fixture } from '../support/import-harness';

const SEED = 20261124;
const MUTATED = 64;

describe('import fuzzing (bounded)', () => {
  let workspace: Awaited<ReturnType<typeof openFuzzWorkspace>>;
  beforeAll(async () => {
    workspace = await openFuzzWorkspace(fixture('discord', 'guild-general.json'));
  });
  afterAll(async () => {
    await workspace.close();
  });

  const cases = [...fixedCases(), ...mutatedCases(MUTATED, SEED)];
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const outcome = await runCase(workspace.services, c, workspace.dir, {
      timeoutMs: 20_000,
      maxRssGrowthBytes: 1.5 * 1024 ** 3,
    });
    expect(outcome.result, `case ${c.id} (format ${c.format ?? 'auto'}, seed ${SEED}): ${outcome.message}`).not.toBe(
      'failure',
    );
  });
});

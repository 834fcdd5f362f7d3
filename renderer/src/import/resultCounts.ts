/** The figures an import result shows, each with its label and test id. */
import type { ImportRunResult } from '../../../shared/import';
import type { MessageKey } from '../i18n';

export interface ResultCount {
  testId: string;
  label: MessageKey;
  value(result: ImportRunResult): number;
  /** Figures about what was left out are shown quieter. */
  quiet?: boolean;
  /** Shown only when not zero (figures most imports do not have). */
  optional?: boolean;
}

export const resultCounts: ResultCount[] = [
  { testId: 'result-members-added', label: 'result.membersAdded', value: (r) => r.members.added },
  { testId: 'result-members-matched', label: 'result.membersMatched', value: (r) => r.members.matched },
  { testId: 'result-activities-added', label: 'result.activitiesAdded', value: (r) => r.activities.added },
  { testId: 'result-activities-duplicates', label: 'result.activitiesDuplicates', value: (r) => r.activities.duplicates, quiet: true },
  { testId: 'result-orders-added', label: 'result.ordersAdded', value: (r) => r.orders.added },
  { testId: 'result-orders-duplicates', label: 'result.ordersDuplicates', value: (r) => r.orders.duplicates, quiet: true, optional: true },
  { testId: 'result-surveys-added', label: 'result.surveysAdded', value: (r) => r.surveys.added },
  {
    testId: 'result-surveys-duplicates',
    label: 'result.surveysDuplicates',
    value: (r) => r.surveys.duplicates,
    quiet: true,
    optional: true,
  },
  { testId: 'result-bots-skipped', label: 'result.botsSkipped', value: (r) => r.skipped.bots, quiet: true },
  { testId: 'result-problems-skipped', label: 'result.problemsSkipped', value: (r) => r.skipped.problems, quiet: true },
];

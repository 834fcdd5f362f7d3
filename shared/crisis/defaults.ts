/**
 * The crisis defaults a workspace starts with: six shipped playbooks in both UI languages
 * (resources/defaults/playbooks.json), the default monitoring rules
 * (resources/defaults/alert-rules.json) and the complaint cues the complaint-burst monitor counts
 * (resources/defaults/complaint-words.json). All are checked on load: a file that does not match
 * its schema throws at import, so a broken default never reaches a workspace.
 *
 * The starter sensitive-word list (resources/defaults/sensitive-starter.json) is what a workspace's
 * lexicon starts with; users export it as a plain word list and edit it from there.
 */
import { z } from 'zod';
import { sensitiveWordSchema, type SensitiveWord } from '../calendar';
import { alertRuleInputSchema, playbookInputSchema, type AlertRuleInput, type PlaybookInput } from '../crisis';
import type { Locale } from '../workspace';
import playbooksJson from '../../resources/defaults/playbooks.json' with { type: 'json' };
import alertRulesJson from '../../resources/defaults/alert-rules.json' with { type: 'json' };
import complaintWordsJson from '../../resources/defaults/complaint-words.json' with { type: 'json' };
import sensitiveStarterJson from '../../resources/defaults/sensitive-starter.json' with { type: 'json' };


export interface DefaultPlaybook {
  /** Stable id ('product-defect-surge'…), stored as a playbook's builtinKey. */
  key: string;
  byLocale: Record<Locale, PlaybookInput>;
}

const keySchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'a kebab-case key');

const defaultPlaybookFileSchema = z
  .array(
    z
      .object({
        key: keySchema,
        'zh-CN': playbookInputSchema.refine((p) => p.locale === 'zh-CN', 'locale must be zh-CN'),
        en: playbookInputSchema.refine((p) => p.locale === 'en', 'locale must be en'),
      })
      .strict(),
  )
  .min(1)
  .superRefine((playbooks, ctx) => {
    const keys = new Set<string>();
    playbooks.forEach((p, i) => {
      if (keys.has(p.key)) ctx.addIssue({ code: 'custom', message: `“${p.key}” is used twice`, path: [i, 'key'] });
      keys.add(p.key);
      if (p['zh-CN'].steps.length !== p.en.steps.length) {
        ctx.addIssue({ code: 'custom', message: 'zh-CN and en have different step counts', path: [i, 'en', 'steps'] });
      }
    });
  });

/** Parses a bundled default, throwing with the file name and every issue when it does not match. */
function load<S extends z.ZodType>(file: string, schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${file} is not valid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The shipped playbooks, in file order. Frozen: copy (`structuredClone`) before editing. */
export const defaultPlaybooks: readonly DefaultPlaybook[] = deepFreeze(
  load('resources/defaults/playbooks.json', defaultPlaybookFileSchema, playbooksJson).map((p) => ({
    key: p.key,
    byLocale: { 'zh-CN': p['zh-CN'], en: p.en },
  })),
);

const playbookKeys = new Set(defaultPlaybooks.map((p) => p.key));

/** The default monitoring rules; a string `playbook` is the key of a shipped playbook. Frozen. */
export const defaultAlertRules: readonly AlertRuleInput[] = deepFreeze(
  load(
    'resources/defaults/alert-rules.json',
    z.array(alertRuleInputSchema).superRefine((rules, ctx) => {
      rules.forEach((rule, i) => {
        if (typeof rule.playbook === 'string' && !playbookKeys.has(rule.playbook)) {
          ctx.addIssue({ code: 'custom', message: `no shipped playbook “${rule.playbook}”`, path: [i, 'playbook'] });
        }
      });
    }),
    alertRulesJson,
  ),
);

/** Complaint cues with their category (quality, delivery, service, fraud, safety). Frozen. */
export const complaintLexicon: readonly SensitiveWord[] = deepFreeze(
  load(
    'resources/defaults/complaint-words.json',
    z
      .array(sensitiveWordSchema)
      .min(1)
      .superRefine((words, ctx) => {
        const seen = new Set<string>();
        words.forEach((w, i) => {
          const folded = w.word.toLowerCase();
          if (seen.has(folded)) ctx.addIssue({ code: 'custom', message: `“${w.word}” is listed twice`, path: [i] });
          seen.add(folded);
        });
      }),
    complaintWordsJson,
  ),
);

/** The starter sensitive-word list: 广告法 absolute claims, health claims, rumours, privacy and scams. Frozen. */
export const starterSensitiveWords: readonly SensitiveWord[] = deepFreeze(
  load('resources/defaults/sensitive-starter.json', z.array(sensitiveWordSchema).min(1), sensitiveStarterJson),
);

/** The complaint cues alone, for the complaint-burst monitor. */
export const complaintWords: readonly string[] = Object.freeze(complaintLexicon.map((w) => w.word));

/**
 * A shipped playbook in one language, or null for an unknown key.
 *
 * @example
 * playbookForLocale('product-defect-surge', 'zh-CN')?.name // '产品质量投诉激增'
 */
export function playbookForLocale(key: string, locale: Locale): PlaybookInput | null {
  return defaultPlaybooks.find((p) => p.key === key)?.byLocale[locale] ?? null;
}

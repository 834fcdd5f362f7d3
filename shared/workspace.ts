import { z } from 'zod';

/** Languages the UI and reports speak. */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

/**
 * True when `tz` is an IANA time zone this runtime knows.
 *
 * @example
 * isTimeZone('Asia/Shanghai') // true
 * isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isTimeZone, { message: 'not a known IANA time zone (e.g. Asia/Shanghai)' });

/** ISO 4217 code, three capital letters. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CNY');

/** A workspace name as the user types it: trimmed, non-empty, no control characters. */
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(120)
  .refine((s) => !/\p{Cc}/u.test(s), { message: 'control characters are not allowed' });

export const workspaceSettingsSchema = z.object({
  name: workspaceNameSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  locale: localeSchema,
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const countsSchema = z.object({
  member: z.number().int(),
  identity: z.number().int(),
  activity: z.number().int(),
  order: z.number().int(),
  survey_response: z.number().int(),
  content_item: z.number().int(),
  incident: z.number().int(),
});
export type WorkspaceCounts = z.infer<typeof countsSchema>;

export const workspaceInfoSchema = z.object({
  schemaVersion: z.number().int(),
  name: z.string(),
  counts: countsSchema,
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const workspaceSummarySchema = workspaceSettingsSchema.extend({
  path: z.string(),
  schemaVersion: z.number().int(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const recentWorkspaceSchema = z.object({
  path: z.string(),
  name: z.string(),
  lastOpenedAt: z.number().int(),
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof recentWorkspaceSchema>;

/** Defaults a new workspace starts with; the operator changes them in Settings. */
export const defaultWorkspaceSettings: Omit<WorkspaceSettings, 'name'> = {
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  locale: 'zh-CN',
};

/**
 * A file name (without extension) made from a workspace name: keeps letters of every script,
 * digits, space, dash and underscore; never empty, never a path.
 *
 * @example
 * workspaceFileStem('../咖啡 社群/2026') // '咖啡 社群 2026'
 */
export function workspaceFileStem(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return cleaned.length > 0 ? cleaned : 'workspace';
}

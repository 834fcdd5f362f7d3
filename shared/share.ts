/**
 * Team share bundles: a dated folder in a shared directory (a NAS, Dropbox, 坚果云, a mounted
 * drive) holding the period's report, exports and a consistent snapshot of the workspace, with a
 * manifest of every file's size and SHA-256 so a reader can tell a complete bundle from a
 * tampered or half-synced one. And the agency portfolio: one row per client workspace.
 */
import { z } from 'zod';
import { localeSchema } from './workspace';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const manifestFileSchema = z.object({
  name: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal('hearth-share-bundle'),
  formatVersion: z.literal(1),
  app: z.object({ name: z.literal('Hearth'), version: z.string() }),
  schemaVersion: z.number().int(),
  workspace: z.object({ name: z.string(), timeZone: z.string() }),
  period: z.object({ from: day, to: day }),
  createdAt: z.number().int(),
  files: z.array(manifestFileSchema),
});
export type Manifest = z.output<typeof manifestSchema>;

export const shareSettingsSchema = z.object({
  /** The team-share folder; null until the user sets one. Kept per machine (mount points differ). */
  folder: z.string().max(4096).nullable(),
});
export type ShareSettings = z.output<typeof shareSettingsSchema>;

export const publishRequestSchema = z
  .object({
    /** The share folder; the one in settings when left out. */
    to: z.string().min(1).max(4096).optional(),
    from: day.optional(),
    /** Default: the last whole month, as reports. */
    toDay: day.optional(),
    locale: localeSchema.optional(),
  })
  .strict();

export const publishResultSchema = z.object({ bundle: z.string(), manifest: manifestSchema, elapsedMs: z.number() });
export type PublishResult = z.output<typeof publishResultSchema>;

export const bundleBriefSchema = z.object({
  path: z.string(),
  name: z.string(),
  workspace: z.string(),
  createdAt: z.number().int(),
  period: z.object({ from: day, to: day }),
});
export type BundleBrief = z.output<typeof bundleBriefSchema>;

export const portfolioRowSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** Why a file could not be read (not a workspace, newer schema, damaged…); the other fields are empty then. */
  problem: z.string().nullable(),
  members: z.number().int().nullable(),
  /** Members active in the last 30 days ÷ members. */
  activeRatio: z.number().nullable(),
  /** NPS of the last 90 days' answers; null without answers. */
  nps: z.number().nullable(),
  health: z.enum(['green', 'yellow', 'orange', 'red', 'none']),
  openIncidents: z.number().int().nullable(),
  nextItems: z.array(z.object({ title: z.string(), start: z.string(), channel: z.string().nullable() })),
  lastPublishAt: z.number().int().nullable(),
  lastActivityAt: z.number().int().nullable(),
});
export type PortfolioRow = z.output<typeof portfolioRowSchema>;

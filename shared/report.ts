/**
 * Stakeholder reports: a period and a language in, a self-contained HTML document and an A4 PDF
 * out. Names of members can be masked for readers outside the team.
 */
import { z } from 'zod';
import { localeSchema } from './workspace';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-24');

export const reportPeriodKinds = ['month', 'quarter', 'custom'] as const;

export const reportRequestSchema = z
  .object({
    /** Default: the last full calendar month in the workspace's time zone. */
    from: day.optional(),
    to: day.optional(),
    locale: localeSchema.default('zh-CN'),
    /** Mask member names (王** / A***) for external readers. */
    maskNames: z.boolean().default(false),
  })
  .strict();
export type ReportRequest = z.input<typeof reportRequestSchema>;

/** Which sections a report has, in order, and whether each found data. */
export const reportSectionSchema = z.object({
  id: z.enum([
    'summary',
    'kpis',
    'retention',
    'tiers',
    'advocates',
    'churn',
    'content',
    'incidents',
    'goals',
    'definitions',
  ]),
  hasData: z.boolean(),
});
export type ReportSection = z.output<typeof reportSectionSchema>;

export const reportPreviewSchema = z.object({
  from: day,
  to: day,
  locale: localeSchema,
  /** The report as one self-contained HTML document (inline CSS and SVG charts, no network). */
  html: z.string(),
  sections: z.array(reportSectionSchema),
  elapsedMs: z.number(),
});
export type ReportPreview = z.output<typeof reportPreviewSchema>;

export const reportSaveResultSchema = z.object({
  from: day,
  to: day,
  pdfPath: z.string().nullable(),
  htmlPath: z.string().nullable(),
  pages: z.number().int().nullable(),
  elapsedMs: z.number(),
});
export type ReportSaveResult = z.output<typeof reportSaveResultSchema>;

/** Workspace branding shown on a report's cover. */
export const brandingSchema = z
  .object({
    /** Shown instead of the workspace name when set (the client's brand name). */
    title: z.string().trim().max(120).default(''),
    /** Primary colour, #rrggbb. */
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .default('#b9532b'),
    /** A PNG, JPEG or SVG file; embedded in the report as a data URL. */
    logoPath: z.string().max(4096).nullable().default(null),
  })
  .strict();
export type Branding = z.output<typeof brandingSchema>;

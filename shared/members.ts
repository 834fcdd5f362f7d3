import { z } from 'zod';

export const identitySummarySchema = z.object({
  source: z.string(),
  externalId: z.string(),
  handle: z.string().nullable(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const memberBriefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  firstSeen: z.number().nullable(),
  lastSeen: z.number().nullable(),
  identities: z.array(identitySummarySchema),
});
export type MemberBrief = z.infer<typeof memberBriefSchema>;

export const mergeSuggestionSchema = z.object({
  a: memberBriefSchema,
  b: memberBriefSchema,
  reason: z.enum(['email', 'phone', 'handle', 'name']),
  score: z.number(),
  detail: z.string(),
});
export type MergeSuggestion = z.infer<typeof mergeSuggestionSchema>;

export const mergeRecordSchema = z.object({
  id: z.number().int(),
  into: memberBriefSchema,
  from: memberBriefSchema,
  reason: z.string(),
  mergedAt: z.number(),
  undoneAt: z.number().nullable(),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

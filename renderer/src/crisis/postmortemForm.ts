/** The post-mortem form: typed text turned into the contract's PostmortemInput, prefilled from the alert. */
import type { Alert, PostmortemInput } from '../../../shared/crisis';

export interface FollowUpRow {
  title: string;
  owner: string;
  due: string;
}

export interface PostmortemFormState {
  summary: string;
  members: string;
  messages: string;
  /** Percent, as typed ("32.5"). */
  negativePercent: string;
  impactNotes: string;
  wentWell: string;
  toChange: string;
  followUps: FollowUpRow[];
}

/**
 * A blank form, with the impact prefilled from the alert the incident came from: members who wrote
 * the evidence, the alert's message count, and the measured share when the alert measured one.
 */
export function postmortemFormState(alert: Alert | null): PostmortemFormState {
  const members = alert ? new Set(alert.evidence.map((e) => e.memberId ?? `#${e.activityId}`)).size : null;
  const share = alert && alert.rule === 'negative_share' && alert.value !== null ? alert.value : null;
  return {
    summary: '',
    members: alert && alert.evidence.length > 0 && members !== null ? String(members) : '',
    messages: alert ? String(alert.count) : '',
    negativePercent: share !== null ? String(Math.round(share * 1000) / 10) : '',
    impactNotes: '',
    wentWell: '',
    toChange: '',
    followUps: [],
  };
}

const count = (s: string): number | null => {
  const n = Number(s);
  return s.trim() === '' || !Number.isFinite(n) || n < 0 ? null : Math.round(n);
};

/**
 * The form as a PostmortemInput; blank numbers are null, the share goes from percent to 0–1.
 *
 * @example
 * toPostmortem({ ...form, summary: 'x', negativePercent: '35' }).impact.negativeShare // 0.35
 */
export function toPostmortem(form: PostmortemFormState): PostmortemInput {
  const percent = Number(form.negativePercent);
  return {
    summary: form.summary.trim(),
    impact: {
      members: count(form.members),
      messages: count(form.messages),
      negativeShare:
        form.negativePercent.trim() === '' || !Number.isFinite(percent)
          ? null
          : Math.min(1, Math.max(0, percent / 100)),
      notes: form.impactNotes.trim(),
    },
    wentWell: form.wentWell.trim(),
    toChange: form.toChange.trim(),
    followUps: form.followUps
      .filter((f) => f.title.trim() !== '')
      .map((f) => ({
        title: f.title.trim(),
        owner: f.owner.trim(),
        due: /^\d{4}-\d{2}-\d{2}$/.test(f.due) ? f.due : null,
      })),
  };
}

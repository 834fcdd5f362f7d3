/**
 * Short community texts assembled from parts: opener + body + tail, with complaints mixed in at a
 * rate the calendar sets per day (more about delivery after 双十一 and during the incident), so
 * sentiment monitoring has something real to find.
 */
import { type SeededRandom, weighted } from '../../../shared/random';
import {
  enBodies,
  enComplaints,
  enOpeners,
  enReplies,
  enSurveyComments,
  enTails,
  enUgcPrefixes,
  eventNames,
  reactions,
  zhBodies,
  zhComplaints,
  zhOpeners,
  zhReplies,
  zhSurveyComments,
  zhTails,
  zhUgcPrefixes,
} from './vocabulary';

export type Language = 'zh' | 'en';

/** How complaint-prone a given day is; see DemoCalendar.complaintRate and deliveryShare. */
export interface Mood {
  complaintRate: number;
  deliveryShare: number;
}

const otherComplaint = weighted([
  ['product', 3],
  ['service', 1],
] as const);

function complaint(random: SeededRandom, language: Language, mood: Mood): string {
  const topic = random.chance(mood.deliveryShare) ? 'delivery' : otherComplaint.pick(random);
  return random.pick(language === 'zh' ? zhComplaints[topic] : enComplaints[topic]);
}

function chat(random: SeededRandom, language: Language): string {
  return language === 'zh'
    ? random.pick(zhOpeners) + random.pick(zhBodies) + random.pick(zhTails)
    : capitalise(random.pick(enOpeners) + random.pick(enBodies) + random.pick(enTails));
}

function capitalise(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A group-chat message. */
export function messageText(random: SeededRandom, language: Language, mood: Mood): string {
  return random.chance(mood.complaintRate) ? complaint(random, language, mood) : chat(random, language);
}

/** A reply: a short answer, sometimes with a thought of its own. */
export function replyText(random: SeededRandom, language: Language, mood: Mood): string {
  if (random.chance(mood.complaintRate * 0.6)) return complaint(random, language, mood);
  const short = random.pick(language === 'zh' ? zhReplies : enReplies);
  return random.chance(0.3) ? `${short} ${chat(random, language)}` : short;
}

/** A user-generated post (a 小红书 note, a latte-art photo caption). */
export function ugcText(random: SeededRandom, language: Language): string {
  return language === 'zh'
    ? random.pick(zhUgcPrefixes) + random.pick(zhBodies)
    : random.pick(enUgcPrefixes) + random.pick(enBodies);
}

export function reactionText(random: SeededRandom): string {
  return random.pick(reactions);
}

export function eventText(random: SeededRandom): string {
  return random.pick(eventNames);
}

/** The NPS class of a 0–10 score. */
export function npsClass(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** The free-text comment of a survey answer, matching its score. */
export function surveyComment(random: SeededRandom, language: Language, score: number): string {
  return random.pick((language === 'zh' ? zhSurveyComments : enSurveyComments)[npsClass(score)]);
}

/**
 * Short community texts assembled from parts: opener + body + tail, with complaints mixed in at a
 * rate the calendar sets per day (more about delivery after 双十一 and during the incident), so
 * sentiment monitoring has something real to find.
 */
import { type SeededRandom, weighted } from '../../../shared/random';
import {
  enComplaints,
  enQuestionOpeners,
  enQuestions,
  enQuestionTails,
  enReplies,
  enStatementOpeners,
  enStatements,
  enStatementTails,
  enSurveyComments,
  enUgcPrefixes,
  eventNames,
  reactions,
  zhComplaints,
  zhQuestionOpeners,
  zhQuestions,
  zhQuestionTails,
  zhReplies,
  zhStatementOpeners,
  zhStatements,
  zhStatementTails,
  zhSurveyComments,
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

/** A statement or (a third of the time) a question, with an opener and a tail that fit it. */
function chat(random: SeededRandom, language: Language): string {
  const question = random.chance(0.33);
  if (language === 'zh') {
    return question
      ? random.pick(zhQuestionOpeners) + random.pick(zhQuestions) + random.pick(zhQuestionTails)
      : random.pick(zhStatementOpeners) + random.pick(zhStatements) + random.pick(zhStatementTails);
  }
  return capitalise(
    question
      ? random.pick(enQuestionOpeners) + random.pick(enQuestions) + random.pick(enQuestionTails)
      : random.pick(enStatementOpeners) + random.pick(enStatements) + random.pick(enStatementTails),
  );
}

function capitalise(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A group-chat message. */
export function messageText(random: SeededRandom, language: Language, mood: Mood): string {
  return random.chance(mood.complaintRate) ? complaint(random, language, mood) : chat(random, language);
}

/** A reply: a short answer, sometimes followed by a thought of its own. */
export function replyText(random: SeededRandom, language: Language, mood: Mood): string {
  if (random.chance(mood.complaintRate * 0.6)) return complaint(random, language, mood);
  const short = random.pick(language === 'zh' ? zhReplies : enReplies);
  if (!random.chance(0.3)) return short;
  return language === 'zh' ? short + random.pick(zhStatements) : `${short} ${capitalise(random.pick(enStatements))}.`;
}

/** A user-generated post (a 小红书 note, a latte-art photo caption). */
export function ugcText(random: SeededRandom, language: Language): string {
  return language === 'zh'
    ? random.pick(zhUgcPrefixes) + random.pick(zhStatements)
    : random.pick(enUgcPrefixes) + random.pick(enStatements);
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

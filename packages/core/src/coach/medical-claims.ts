// Health conditions a claim could name. Mentioning one is fine (the safety screen asks
// about blood pressure); promising to change one is what these patterns catch.
const CONDITION =
  '(?:anxiety|depression|insomnia|panic(?:\\s+(?:attacks?|disorder))?|ptsd|trauma|stress|' +
  'hypertension|(?:high\\s+)?blood\\s+pressure|asthma|adhd|pain|illness|disease|disorders?|' +
  'conditions?|symptoms|migraines?|headaches?|sleep\\s+problems?|heart\\s+problems?)';

/**
 * Wording that makes a medical claim. The API runs the same check on model output before
 * passing it on, and no scripted text may ever match.
 */
export const MEDICAL_CLAIM_PATTERNS: readonly RegExp[] = [
  /\bcur(?:e|es|ed|ing)\b/i,
  new RegExp(
    `\\b(?:treat|heal|fix|prevent|reverse|eliminate|eradicate|get\\s+rid\\s+of)(?:s|es|ed|ing)?\\s+(?:your\\s+|the\\s+|my\\s+)?${CONDITION}`,
    'i',
  ),
  /\btreatments?\b/i,
  /\b(?:lower|reduce|decrease|drop|normali[sz]e)(?:s|d|ed|es|ing)?\s+(?:your\s+)?(?:blood\s+pressure|cholesterol|cortisol|heart\s+rate|blood\s+sugar)\b/i,
  /\b(?:clinically|scientifically|medically)\s+(?:proven|shown|approved)\b/i,
  /\bdiagnos(?:e|es|ed|is|ing)\b/i,
  /\bprescri(?:be|bes|bed|bing|ption)\b/i,
  /\b(?:instead\s+of|replaces?|substitute\s+for|stop\s+taking)\s+(?:your\s+)?(?:medication|medicine|pills|therapy|doctor)\b/i,
  /\bguarantee(?:s|d)?\b/i,
  /\bboosts?\s+(?:your\s+)?immun/i,
];

export function containsMedicalClaim(text: string): boolean {
  return MEDICAL_CLAIM_PATTERNS.some((pattern) => pattern.test(text));
}

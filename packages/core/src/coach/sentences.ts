// A sentence ends at . ! ? or … (possibly repeated, possibly followed by a closing quote
// or bracket) that is followed by whitespace or the end of the text. A dot inside a word
// or number ("5.5", "findahelpline.com") does not end one.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/g;

/** How many sentences the text holds; trailing words without a full stop count as one. */
export function sentenceCount(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  const parts = trimmed.split(SENTENCE_END).filter((part) => /[\p{L}\p{N}]/u.test(part));
  return parts.length;
}

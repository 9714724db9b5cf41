/**
 * Lower-cased text with typographic apostrophes straightened and spaces collapsed, so the
 * keyword parsers see "I’m" and "i'm" alike.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first letter in capitals, unless that would change the spelling ("ß" → "SS"). */
export function capitaliseFirst(text: string): string {
  const [first = '', ...rest] = [...text];
  const upper = first.toUpperCase();
  return ([...upper].length === 1 ? upper : first) + rest.join('');
}

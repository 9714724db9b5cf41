/**
 * The model answers in JSON, but people should watch the coach's words arrive. These read
 * one string field out of JSON that is still being written, and hold the text back a
 * sentence at a time so nothing unsafe is shown before it can be checked.
 */

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export type JsonFieldReader = {
  /** Feeds more raw JSON; returns the field's newly decoded characters. */
  push(chunk: string): string;
  /** True once the field's closing quote has been read. */
  readonly complete: boolean;
};

/**
 * Decodes the string value of `"field": "…"` as the JSON streams in. An escaped occurrence
 * inside another string (`\"reply\"`) does not match, since its quotes are backslashed.
 */
export function jsonStringFieldReader(field: string): JsonFieldReader {
  const opening = new RegExp(`"${field}"\\s*:\\s*"`);
  let buffer = '';
  let cursor = -1;
  let complete = false;

  return {
    get complete() {
      return complete;
    },
    push(chunk) {
      buffer += chunk;
      if (complete) return '';
      if (cursor < 0) {
        const match = opening.exec(buffer);
        if (!match) return '';
        cursor = match.index + match[0].length;
      }
      let decoded = '';
      while (cursor < buffer.length) {
        const char = buffer[cursor] as string;
        if (char === '"') {
          complete = true;
          break;
        }
        if (char !== '\\') {
          decoded += char;
          cursor += 1;
          continue;
        }
        const escape = buffer[cursor + 1];
        if (escape === undefined) break;
        if (escape === 'u') {
          const hex = buffer.slice(cursor + 2, cursor + 6);
          if (hex.length < 4) break;
          decoded += String.fromCharCode(Number.parseInt(hex, 16));
          cursor += 6;
          continue;
        }
        decoded += ESCAPES[escape] ?? escape;
        cursor += 2;
      }
      return decoded;
    },
  };
}

// The end of a sentence, confirmed by the whitespace after it (as core's sentenceCount reads it).
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)/g;

export type SentenceGate = {
  /** Adds text; returns whole sentences that may be shown now. */
  push(text: string): string;
  /** The text is complete: returns what is left, if it may be shown. */
  finish(): string;
  /** True once something unsafe was seen: nothing more is released. */
  readonly blocked: boolean;
};

/** Releases text only in whole sentences, and only while everything so far is `isSafe`. */
export function sentenceGate(isSafe: (text: string) => boolean): SentenceGate {
  let released = '';
  let pending = '';
  let blocked = false;

  const release = (candidate: string) => {
    if (blocked || candidate === '') return '';
    if (!isSafe(released + candidate)) {
      blocked = true;
      return '';
    }
    released += candidate;
    return candidate;
  };

  return {
    get blocked() {
      return blocked;
    },
    push(text) {
      pending += text;
      let end = -1;
      for (const match of pending.matchAll(SENTENCE_END)) end = match.index + match[0].length;
      if (end < 0) return '';
      const candidate = pending.slice(0, end);
      pending = pending.slice(end);
      return release(candidate);
    },
    finish() {
      const candidate = pending;
      pending = '';
      return release(candidate);
    },
  };
}

/** The scripted coach's text in word-sized pieces, so it arrives like a model's would. */
export function wordChunks(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

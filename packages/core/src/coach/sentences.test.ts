import { describe, expect, it } from 'vitest';
import { sentenceCount } from './sentences';

describe('sentenceCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['...', 0],
    ['Breathe.', 1],
    ['Breathe', 1],
    ['Breathe in. Breathe out.', 2],
    ['Ready? Let us begin! Breathe in.', 3],
    ['Notice your shoulders… Let them drop.', 2],
    ['She said "breathe." Then rest.', 2],
    ['Try coherent breathing at 5.5 seconds. It is gentle.', 2],
    ['Visit findahelpline.com for help. You are not alone.', 2],
    ['One.\nTwo.\n\nThree.', 3],
    ['Wait... what? Yes!', 3],
  ])('counts %j as %i', (text, expected) => {
    expect(sentenceCount(text)).toBe(expected);
  });
});

import type { FetchLike } from './coach-client';

/** The browser's own fetch streams response bodies already. */
export const streamingFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

// Stands in for zod's locales index in the app bundle: English only (the locale zod sets
// by default). The full index pulls in ~50 locales, about 290 KB of minified JavaScript the
// app never uses.
export { default as en } from 'zod/v4/locales/en.js';

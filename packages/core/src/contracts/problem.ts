import { z } from 'zod';

// RFC 9457 allows any URI reference; we accept an absolute URI (`about:blank`,
// `https://…`) or an absolute path (`/problems/not-found`), never whitespace.
const URI_REFERENCE = /^(?:[a-z][a-z0-9+.-]*:|\/)\S*$/i;

/** RFC 9457 problem details, plus a stable `code` the app turns into words. */
export const problemSchema = z.object({
  type: z.string().regex(URI_REFERENCE, 'type must be an absolute URI or an absolute path'),
  title: z.string().min(1),
  status: z.int().min(100).max(599),
  detail: z.string().optional(),
  code: z.string().min(1),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type Problem = z.infer<typeof problemSchema>;

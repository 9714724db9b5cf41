import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { pushTokens } from '../../db/schema';
import type { JobContext } from './job';

/** Expo has most receipts within 15 minutes of sending and keeps them for a day. */
export const RECEIPTS_AFTER_MS = 15 * 60_000;

export const PUSH_RECEIPTS_JOB = 'push-receipts';

const receiptsData = z.object({
  tickets: z.array(z.object({ id: z.string(), token: z.string() })),
});

export type SentTicket = z.infer<typeof receiptsData>['tickets'][number];

/** Asks for the receipts of `tickets` once Expo should have them. */
export async function deferReceiptCheck(ctx: Pick<JobContext, 'defer'>, tickets: SentTicket[]) {
  if (tickets.length === 0) return;
  await ctx.defer(PUSH_RECEIPTS_JOB, { tickets }, RECEIPTS_AFTER_MS);
}

/**
 * Reads the receipts of sent pushes. Apple and Google often reject a stale token only after
 * Expo accepted the message, so `DeviceNotRegistered` comes back here rather than in the
 * ticket; that token is deleted like one rejected at once.
 */
export async function checkPushReceipts(
  ctx: Pick<JobContext, 'db' | 'push' | 'log'>,
  data: unknown,
) {
  const { tickets } = receiptsData.parse(data);
  const receipts = await ctx.push.receipts(tickets.map((ticket) => ticket.id));
  const dead: string[] = [];
  let failed = 0;
  for (const ticket of tickets) {
    const receipt = receipts[ticket.id];
    if (receipt?.status !== 'error') continue;
    failed += 1;
    if (receipt.error === 'DeviceNotRegistered') dead.push(ticket.token);
    else ctx.log.warn({ ticketId: ticket.id, error: receipt.error }, receipt.message);
  }
  const removed =
    dead.length === 0
      ? []
      : await ctx.db
          .delete(pushTokens)
          .where(inArray(pushTokens.token, dead))
          .returning({ token: pushTokens.token });
  return { checked: Object.keys(receipts).length, failed, removedTokens: removed.length };
}

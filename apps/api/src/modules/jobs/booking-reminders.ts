import { and, eq, gt, inArray, lte, not, sql } from 'drizzle-orm';
import { accounts, bookings, practitioners, pushTokens, sessionTypes } from '../../db/schema';
import type { PushMessage, PushTicket } from '../../lib/push/push-sender';
import type { JobContext } from './job';
import { deferReceiptCheck, type SentTicket } from './push-receipts';
import { reminderText } from './reminder-text';

const HOUR_MS = 60 * 60_000;
/** Bookings claimed per reminder kind and run; the next run takes the rest. */
const BATCH = 100;

export type ReminderKind = '24h' | '1h';

/**
 * Each reminder is due `leadMs` before the start and stays due for `lateMs`, so a run
 * missed during a deploy still sends it, while a booking made (or moved) 3 h ahead gets no
 * "tomorrow" reminder, only the 1 h one.
 */
export const REMINDERS: readonly { kind: ReminderKind; leadMs: number; lateMs: number }[] = [
  { kind: '24h', leadMs: 24 * HOUR_MS, lateMs: 12 * HOUR_MS },
  { kind: '1h', leadMs: HOUR_MS, lateMs: HOUR_MS },
];

const notYetSent = (kind: ReminderKind) => not(sql`${kind} = any(${bookings.remindersSent})`);

/**
 * Marks due bookings as reminded before anything is sent: the conditional update lets
 * exactly one replica claim each (booking, kind), however many run at once.
 */
async function claimDue(ctx: Pick<JobContext, 'db'>, kind: ReminderKind, now: number) {
  const { leadMs, lateMs } = REMINDERS.find((reminder) => reminder.kind === kind)!;
  const due = ctx.db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        gt(bookings.startsAt, new Date(now + leadMs - lateMs)),
        lte(bookings.startsAt, new Date(now + leadMs)),
        notYetSent(kind),
      ),
    )
    .orderBy(bookings.startsAt)
    .limit(BATCH)
    .for('update', { skipLocked: true });
  const claimed = await ctx.db
    .update(bookings)
    .set({ remindersSent: sql`array_append(${bookings.remindersSent}, ${kind})` })
    .where(and(inArray(bookings.id, due), notYetSent(kind)))
    .returning({ id: bookings.id });
  return claimed.map((row) => row.id);
}

/** Gives a claim back when nothing could be sent, so a later run tries again. */
async function releaseClaim(ctx: Pick<JobContext, 'db'>, kind: ReminderKind, ids: string[]) {
  if (ids.length === 0) return;
  await ctx.db
    .update(bookings)
    .set({ remindersSent: sql`array_remove(${bookings.remindersSent}, ${kind})` })
    .where(inArray(bookings.id, ids));
}

async function loadDetails(ctx: Pick<JobContext, 'db'>, id: string) {
  const [row] = await ctx.db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      memberId: bookings.memberId,
      memberTimeZone: bookings.memberTimeZone,
      memberName: accounts.displayName,
      practitionerAccountId: practitioners.accountId,
      practitionerName: practitioners.displayName,
      practitionerTimeZone: practitioners.timeZone,
      sessionTitle: sessionTypes.title,
    })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(accounts, eq(accounts.id, bookings.memberId))
    .where(eq(bookings.id, id));
  return row ?? null;
}

async function messagesFor(
  ctx: Pick<JobContext, 'db'>,
  kind: ReminderKind,
  id: string,
  now: number,
): Promise<PushMessage[]> {
  const booking = await loadDetails(ctx, id);
  if (!booking) return [];
  const recipients = [
    {
      accountId: booking.practitionerAccountId,
      timeZone: booking.practitionerTimeZone,
      withName: booking.memberName,
    },
    ...(booking.memberId
      ? [
          {
            accountId: booking.memberId,
            timeZone: booking.memberTimeZone,
            withName: booking.practitionerName,
          },
        ]
      : []),
  ];
  const tokens = await ctx.db
    .select({ token: pushTokens.token, accountId: pushTokens.accountId })
    .from(pushTokens)
    .where(
      inArray(
        pushTokens.accountId,
        recipients.map((recipient) => recipient.accountId),
      ),
    );
  return recipients.flatMap((recipient) => {
    const text = reminderText({
      kind,
      startsAt: booking.startsAt.getTime(),
      now,
      sessionTitle: booking.sessionTitle,
      withName: recipient.withName,
      timeZone: recipient.timeZone,
    });
    return tokens
      .filter((token) => token.accountId === recipient.accountId)
      .map((token) => ({
        to: token.token,
        ...text,
        data: { type: 'booking_reminder', bookingId: booking.id, reminder: kind },
      }));
  });
}

/**
 * Sends the 24 h and 1 h reminders of confirmed bookings to the member's and the
 * practitioner's devices, each once. Tokens Expo reports as `DeviceNotRegistered` are
 * deleted, at once from the tickets or from the receipts checked 15 minutes later. If the push service fails, the unsent claims are released for the next run; a
 * reminder is lost only if the process dies between claiming and sending.
 */
export async function sendBookingReminders(
  ctx: Pick<JobContext, 'db' | 'push' | 'log' | 'now' | 'defer'>,
) {
  const now = ctx.now();
  const accepted: SentTicket[] = [];
  let sent = 0;
  let reminded = 0;
  let removedTokens = 0;
  for (const { kind } of REMINDERS) {
    const claimed = await claimDue(ctx, kind, now);
    for (const [index, id] of claimed.entries()) {
      let messages: PushMessage[];
      let tickets: PushTicket[];
      try {
        messages = await messagesFor(ctx, kind, id, now);
        tickets = await ctx.push.send(messages);
      } catch (err) {
        ctx.log.error({ err, kind, bookingId: id }, 'reminder push failed; will retry');
        await releaseClaim(ctx, kind, claimed.slice(index));
        await deferReceiptCheck(ctx, accepted);
        return { reminded, sent, removedTokens, failed: claimed.length - index };
      }
      reminded += 1;
      const dead: string[] = [];
      tickets.forEach((ticket, i) => {
        if (ticket.status === 'ok') {
          sent += 1;
          accepted.push({ id: ticket.id, token: messages[i]!.to });
        } else if (ticket.error === 'DeviceNotRegistered') dead.push(messages[i]!.to);
        else ctx.log.warn({ bookingId: id, error: ticket.error }, ticket.message);
      });
      if (dead.length > 0) {
        const removed = await ctx.db
          .delete(pushTokens)
          .where(inArray(pushTokens.token, dead))
          .returning({ token: pushTokens.token });
        removedTokens += removed.length;
      }
    }
  }
  await deferReceiptCheck(ctx, accepted);
  return { reminded, sent, removedTokens, failed: 0 };
}

export {
  availabilityWindows,
  blockedRange,
  computeSlots,
  isBookableSlot,
  overlaps,
  zonedIso,
  type SchedulingPolicy,
  type Slot,
  type SlotQuery,
  type TimeRange,
  type WeeklyRule,
} from './slots';
export {
  JOIN_OPENS_BEFORE_MINUTES,
  isWithinCancellationWindow,
  joinWindow,
  platformFeeCents,
  refundForCancellation,
  type CancellationTerms,
  type CancelledBy,
  type RefundDecision,
  type RefundReason,
} from './policy';

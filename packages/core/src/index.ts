export {
  FIRST_BREATH,
  InvalidPatternError,
  PATTERN_LIMITS,
  PHASE_ORDER,
  validatePattern,
  type BreathingPattern,
  type PatternLength,
  type PatternPhases,
  type PhaseKind,
} from './breathing/pattern';
export {
  phaseBoundaries,
  planSession,
  sessionStateAt,
  type PhaseBoundary,
  type PlannedPhase,
  type SessionPlan,
  type SessionState,
} from './breathing/timeline';
export {
  activeElapsedMs,
  isPaused,
  pauseClock,
  pausedMs,
  resumeClock,
  startClock,
  type PauseInterval,
  type SessionClock,
} from './breathing/session-clock';
export { problemSchema, type Problem } from './contracts/problem';
export {
  SESSION_NOTE_MAX_CHARS,
  calmRatingSchema,
  sessionNoteSchema,
  sessionRecordFromState,
  sessionRecordSchema,
  type SessionRecord,
} from './contracts/session-record';

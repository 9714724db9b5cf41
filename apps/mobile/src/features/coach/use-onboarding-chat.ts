import {
  NAME_PLACEHOLDER,
  SAFETY_CONDITIONS,
  extractName,
  onboardingChips,
  redactName,
  startOnboarding,
  type Chip,
  type CoachProfilePatch,
  type OnboardingStep,
  type SafetyAnswers,
} from '@exhale/core/coach';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { DeviceCoach } from './device-coach';

export interface ChatEntry {
  id: string;
  kind: 'coach' | 'person' | 'safetyNote' | 'crisis';
  /** As the person reads it (their name filled in). */
  text: string;
  /** What may be sent back to the coach as history: the name as the placeholder. */
  history: string;
  /** The coach is still writing this one (empty text: the typing indicator). */
  streaming?: boolean;
}

export interface OnboardingResult {
  name: string | null;
  profile: CoachProfilePatch;
}

export interface OnboardingChat {
  entries: ChatEntry[];
  chips: Chip[];
  multiSelect: boolean;
  step: OnboardingStep;
  /** Waiting for the coach: nothing can be sent meanwhile. */
  busy: boolean;
  done: boolean;
  /**
   * Answers the current question. `value` goes to the coach (a chip's value, or typed
   * text); `label` is what the chat shows for it (the chip's words).
   */
  send(value: string, label?: string): void;
}

let nextId = 0;
const entryId = () => `m${++nextId}`;

// "Rather not say" at the name step (its chip's value) and typed refusals alike.
const SKIP = /^\s*skip\s*$/i;

/** Every safety question answered or not, as the profile stores it (unanswered: null). */
export function completeSafety(safety: CoachProfilePatch['safety']): SafetyAnswers {
  return Object.fromEntries(
    SAFETY_CONDITIONS.map((condition) => [condition, safety?.[condition] ?? null]),
  ) as SafetyAnswers;
}

/**
 * The welcome chat: the scripted greeting at once (no network needed to begin), then one
 * coach turn per answer. The name is read on this device and never sent; the coach gets
 * the placeholder. A crisis reply keeps the person on the same question.
 */
export function useOnboardingChat(
  coach: DeviceCoach,
  onDone: (result: OnboardingResult) => void,
): OnboardingChat {
  const [entries, setEntries] = useState<ChatEntry[]>(() => {
    const greeting = startOnboarding();
    return [{ id: entryId(), kind: 'coach', text: greeting.reply, history: greeting.reply }];
  });
  const [step, setStep] = useState<OnboardingStep>('name');
  const [chips, setChips] = useState<Chip[]>(() => onboardingChips('name'));
  const [multiSelect, setMultiSelect] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const profile = useRef<CoachProfilePatch>({});
  const name = useRef<string | null>(null);
  const history = useRef(entries);
  history.current = entries;
  const mounted = useRef(true);
  const finish = useRef(onDone);
  finish.current = onDone;

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const send = useCallback(
    (value: string, label?: string) => {
      const typed = value.trim();
      if (busy || done || typed === '') return;

      // The name is answered here: only the placeholder (or the refusal) goes any further.
      let message = typed;
      let personHistory = typed;
      let nameNow = name.current;
      if (step === 'name') {
        const found = SKIP.test(typed) ? null : extractName(typed);
        nameNow = found;
        message = found === null ? typed : redactName(typed, found);
        personHistory = found === null && !SKIP.test(typed) ? NAME_PLACEHOLDER : message;
      }

      const person: ChatEntry = {
        id: entryId(),
        kind: 'person',
        text: label ?? typed,
        history: personHistory,
      };
      const replyId = entryId();
      const reply: ChatEntry = {
        id: replyId,
        kind: 'coach',
        text: '',
        history: '',
        streaming: true,
      };
      const sentHistory = history.current
        .filter((entry) => (entry.kind === 'coach' || entry.kind === 'person') && entry.history)
        .map((entry) => ({
          role: entry.kind === 'person' ? ('person' as const) : ('coach' as const),
          text: entry.history,
        }));
      setEntries((list) => [...list, person, reply]);
      setChips([]);
      setBusy(true);

      const update = (change: (entry: ChatEntry) => ChatEntry) =>
        mounted.current &&
        setEntries((list) => list.map((entry) => (entry.id === replyId ? change(entry) : entry)));

      void coach
        .onboardingTurn(
          { messages: sentHistory, message, profile: profile.current, step },
          { name: nameNow, onText: (text) => update((entry) => ({ ...entry, text })) },
        )
        .then((response) => {
          if (!mounted.current) return;
          const crisis = response.crisis === true;
          if (step === 'name' && response.step !== 'name') name.current = nameNow;
          profile.current = response.profile;
          const note: ChatEntry[] =
            response.safetyNote === undefined
              ? []
              : [{ id: entryId(), kind: 'safetyNote', text: response.safetyNote, history: '' }];
          setEntries((list) =>
            list.flatMap((entry) => {
              // Words of crisis are not sent on as history in later turns.
              if (crisis && entry.id === person.id) return [{ ...entry, history: '' }];
              if (entry.id !== replyId) return [entry];
              const reply: ChatEntry = {
                ...entry,
                kind: crisis ? 'crisis' : 'coach',
                text: response.shown,
                history: response.reply,
                streaming: false,
              };
              // The safety note comes before the reply, so the next question stays last,
              // right above its answers.
              return [...note, reply];
            }),
          );
          // After a crisis reply the question stands; its quick replies come back so the
          // person can carry on when, and only if, they want to.
          setStep(response.step);
          setChips(crisis ? onboardingChips(response.step) : response.chips);
          setMultiSelect(response.multiSelect === true);
          setBusy(false);
          if (response.done) {
            setDone(true);
            finish.current({ name: name.current, profile: response.profile });
          }
        });
    },
    [busy, done, step, coach],
  );

  return { entries, chips, multiSelect, step, busy, done, send };
}

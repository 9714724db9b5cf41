import { useEffect, useRef } from 'react';

import type { SessionView } from '@/features/session/use-breathing-session';

import { cueFor } from './cue-rule';
import type { GuidanceSettings } from './guidance-settings';
import { phaseTick } from './haptics';
import type { PlannedCheckIn } from './session-guide';
import { useSoundscape } from './use-soundscape';
import { createDeviceVoice } from './voice';
import type { Voice } from './voice-controller';

/** A phase change noticed later than this (settings still loading) is not announced. */
const LATE_CUE_MS = 1_000;

export interface SessionGuidanceOptions {
  view: SessionView;
  checkIns: readonly PlannedCheckIn[];
  settings: GuidanceSettings;
  /** False while the settings are still being read: nothing is played or spoken yet. */
  ready: boolean;
}

/** The check-in on screen for this view: for the whole of its breath, not after the end. */
export function checkInFor(view: SessionView, checkIns: readonly PlannedCheckIn[]) {
  if (view.status === 'finished') return null;
  return checkIns.find((checkIn) => checkIn.breath === view.breath)?.text ?? null;
}

/**
 * Everything the session says, plays and taps, driven by the session's view (which
 * changes a few times a phase, not every frame): a haptic tick and a spoken cue at each
 * phase change per the cue rule, check-ins spoken as their breath begins, the soundscape
 * playing only while the session runs. Pausing, ending or leaving silences the voice.
 */
export function useSessionGuidance({ view, checkIns, settings, ready }: SessionGuidanceOptions) {
  const checkIn = checkInFor(view, checkIns);
  const running = view.status === 'running';
  const voice = useRef<Voice | null>(null);
  const phase = useRef<{ key: string; seenAt: number; handled: boolean } | null>(null);

  useSoundscape({
    kind: settings.soundscape,
    volume: settings.volume,
    playing: ready && running,
  });

  useEffect(() => {
    if (!running) return;
    const key = `${view.breath}:${view.phase}`;
    if (phase.current?.key !== key) phase.current = { key, seenAt: Date.now(), handled: false };
    const current = phase.current;
    if (current.handled || !ready) return;
    current.handled = true;
    if (Date.now() - current.seenAt > LATE_CUE_MS) return;

    if (settings.haptics) phaseTick();
    if (!settings.voice) return;
    const cue = cueFor({
      breath: view.breath,
      phase: view.phase,
      breathStart: view.phase === 'inhale',
      checkIn,
    });
    if (cue === null) return;
    voice.current ??= createDeviceVoice();
    if (cue.kind === 'checkIn') voice.current.say(cue.text, settings.voiceRate);
    else voice.current.cue(cue.text, settings.voiceRate);
  }, [
    running,
    ready,
    view.breath,
    view.phase,
    checkIn,
    settings.haptics,
    settings.voice,
    settings.voiceRate,
  ]);

  useEffect(() => {
    if (!running || !settings.voice) voice.current?.stop();
  }, [running, settings.voice]);

  useEffect(() => () => voice.current?.stop(), []);

  return { checkIn };
}

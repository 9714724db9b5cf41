/** What a platform's text-to-speech has to offer. */
export interface SpeechEngine {
  speak(text: string, options: { rate: number; onDone: () => void }): void;
  stop(): void;
}

export interface Voice {
  /**
   * A phase cue: dropped if something is still being said, because "Breathe out" a
   * second late is worse than no cue at all.
   */
  cue(text: string, rate: number): void;
  /** A check-in: cuts off whatever is being said, then speaks. */
  say(text: string, rate: number): void;
  /** Silence now (pause, end, leaving the screen). */
  stop(): void;
}

// An engine that never reports the end of an utterance must not silence the voice for
// good: past a generous estimate of the utterance's length it counts as finished.
const MS_PER_CHARACTER = 90;
const SLACK_MS = 1_000;

export function createVoice(engine: SpeechEngine, now: () => number = Date.now): Voice {
  let busyUntil = 0;
  let utterance = 0;

  function speak(text: string, rate: number) {
    const id = ++utterance;
    busyUntil = now() + (text.length * MS_PER_CHARACTER) / rate + SLACK_MS;
    try {
      engine.speak(text, {
        rate,
        onDone: () => {
          if (id === utterance) busyUntil = 0;
        },
      });
    } catch (error) {
      busyUntil = 0;
      console.warn('Could not speak', error);
    }
  }

  function stop() {
    utterance++;
    busyUntil = 0;
    try {
      engine.stop();
    } catch (error) {
      console.warn('Could not stop speaking', error);
    }
  }

  return {
    cue(text, rate) {
      if (now() < busyUntil) return;
      speak(text, rate);
    },
    say(text, rate) {
      if (now() < busyUntil) stop();
      speak(text, rate);
    },
    stop,
  };
}

import { createVoice, type Voice } from './voice-controller';

/**
 * Web: the Web Speech API directly (expo-speech's web module wraps the same thing).
 * Browsers without it, or that refuse to speak, leave the session silent, not broken.
 */
export function createDeviceVoice(): Voice {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  return createVoice({
    speak(text, { rate, onDone }) {
      if (synth === undefined || typeof SpeechSynthesisUtterance === 'undefined') {
        onDone();
        return;
      }
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = rate;
      utterance.onend = onDone;
      utterance.onerror = onDone;
      synth.speak(utterance);
    },
    stop() {
      synth?.cancel();
    },
  });
}

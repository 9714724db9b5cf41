import * as Speech from 'expo-speech';

import { createVoice, type Voice } from './voice-controller';

/** Native: the device's text-to-speech through expo-speech. */
export function createDeviceVoice(): Voice {
  return createVoice({
    speak(text, { rate, onDone }) {
      Speech.speak(text, { rate, onDone, onStopped: onDone, onError: onDone });
    },
    stop() {
      Speech.stop().catch(() => {});
    },
  });
}

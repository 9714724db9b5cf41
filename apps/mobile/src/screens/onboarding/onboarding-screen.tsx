import type { OnboardingStep } from '@exhale/core/coach';
import { useRouter } from 'expo-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { KeyboardAvoidingView, Platform, ScrollView, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { analytics } from '@/features/analytics/analytics';
import { onboardedHint } from '@/features/coach/onboarded-hint';
import { useDeviceCoach } from '@/features/coach/use-device-coach';
import { useOnboardingChat, type OnboardingResult } from '@/features/coach/use-onboarding-chat';
import { useReducedMotion } from '@/features/session/use-reduced-motion';
import { useStorage, useStorageError } from '@/lib/storage';
import { spacing } from '@/theme';

import { ChatMessage } from './chat-message';
import { MessageComposer } from './message-composer';
import { QuickReplies } from './quick-replies';
import { saveOnboarding } from './save-onboarding';

type SaveState = 'waiting' | 'saving' | 'saved' | 'failed';

const PLACEHOLDERS: Partial<Record<OnboardingStep, string>> = {
  name: 'Your first name, if you like',
  customTime: 'A time, like 7:30 am',
};

export interface OnboardingScreenProps {
  /** Opened from settings to answer again: ends by going back there. */
  redo?: boolean;
}

export function OnboardingScreen({ redo = false }: OnboardingScreenProps) {
  const router = useRouter();
  const storage = useStorage();
  const storageError = useStorageError();
  const coach = useDeviceCoach();
  const reducedMotion = useReducedMotion();
  const scroll = useRef<ScrollView>(null);
  const [result, setResult] = useState<OnboardingResult | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('waiting');
  const chat = useOnboardingChat(coach, setResult);

  const save = useCallback(() => {
    if (result === null || storage === null) return;
    setSaveState('saving');
    saveOnboarding(storage, result).then(
      () => {
        onboardedHint.set(true);
        setSaveState('saved');
        analytics.track({
          name: 'onboarding_completed',
          properties: {
            experience: result.profile.experience ?? null,
            goal: result.profile.goal ?? null,
            preferred_time: result.profile.preferredTime?.kind ?? null,
          },
        });
      },
      (error: unknown) => {
        console.warn('Could not save the profile', error);
        setSaveState('failed');
      },
    );
  }, [result, storage]);

  useEffect(() => {
    if (result !== null && saveState === 'waiting') {
      if (storage !== null) save();
      else if (storageError !== null) setSaveState('failed');
    }
  }, [result, saveState, storage, storageError, save]);

  // Shown at once on a hint that this browser never finished the chat; should the
  // profile say otherwise (the hint was lost), home it is. Not for a redo, and not once
  // this chat has finished (its own save sets onboardedAt).
  const checked = useRef(redo);
  useEffect(() => {
    if (checked.current || storage === null) return;
    checked.current = true;
    storage.profile.get().then(
      (profile) => {
        if (profile?.onboardedAt == null || result !== null) return;
        onboardedHint.set(true);
        router.replace('/');
      },
      () => {},
    );
  }, [storage, result, router]);

  const next = () => {
    if (redo && router.canGoBack()) router.back();
    else if (redo) router.replace('/');
    else router.replace('/introduction');
  };

  return (
    <Screen contentStyle={styles.content} testID="onboarding">
      <KeyboardAvoidingView
        style={styles.fill}
        behavior={Platform.OS === 'ios' ? 'padding' : undefined}
      >
        <View style={styles.header}>
          <AppText variant="label" tone="primary" style={styles.brand}>
            Exhale
          </AppText>
          <AppText variant="title" accessibilityRole="header">
            {redo ? 'Update your answers' : 'Welcome'}
          </AppText>
        </View>

        <ScrollView
          ref={scroll}
          style={styles.fill}
          contentContainerStyle={styles.messages}
          onContentSizeChange={() => scroll.current?.scrollToEnd({ animated: !reducedMotion })}
          keyboardShouldPersistTaps="handled"
          testID="chat-messages"
        >
          {chat.entries.map((entry) => (
            <ChatMessage key={entry.id} entry={entry} reducedMotion={reducedMotion} />
          ))}
        </ScrollView>

        <View style={styles.footer}>
          {chat.done ? (
            <>
              {saveState === 'failed' ? (
                <AppText variant="caption" style={styles.center} accessibilityLiveRegion="polite">
                  Your answers could not be saved on this device.
                </AppText>
              ) : null}
              {saveState === 'failed' && storage !== null ? (
                <Button label="Try saving again" variant="secondary" onPress={save} />
              ) : null}
              <Button
                testID="onboarding-continue"
                label={redo ? 'Done' : 'Continue to First Breath'}
                disabled={saveState === 'saving' || saveState === 'waiting'}
                onPress={next}
              />
            </>
          ) : (
            <>
              <QuickReplies
                chips={chat.chips}
                multiSelect={chat.multiSelect}
                disabled={chat.busy}
                onSend={chat.send}
              />
              <MessageComposer
                disabled={chat.busy}
                placeholder={PLACEHOLDERS[chat.step] ?? 'Or type your own answer'}
                onSend={(text) => chat.send(text)}
              />
            </>
          )}
        </View>
      </KeyboardAvoidingView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { paddingVertical: spacing.md, paddingHorizontal: spacing.md },
  fill: { flex: 1 },
  header: { gap: spacing.xs, paddingHorizontal: spacing.sm, paddingBottom: spacing.sm },
  brand: { letterSpacing: 2, textTransform: 'uppercase' },
  messages: { gap: spacing.md, paddingVertical: spacing.md, paddingHorizontal: spacing.xs },
  footer: { gap: spacing.sm + 4, paddingTop: spacing.sm },
  center: { textAlign: 'center' },
});

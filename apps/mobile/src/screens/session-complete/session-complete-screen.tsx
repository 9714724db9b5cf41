import { Redirect, useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { finishedSession, type FinishedSession } from '@/features/session/finished-session';
import { durationText } from '@/features/session/session-summary';
import { useStorage } from '@/lib/storage';
import { radius, spacing, useTheme } from '@/theme';

type SaveState = 'saved' | 'failed' | 'retrying';

export function SessionCompleteScreen() {
  const [session] = useState(() => finishedSession.get());
  // Reached without a session (a reload, a typed URL): the history on the home screen
  // is where a finished session lives.
  if (session === null) return <Redirect href="/" />;
  return <SessionComplete session={session} />;
}

function SessionComplete({ session }: { session: FinishedSession }) {
  const router = useRouter();
  const storage = useStorage();
  const theme = useTheme();
  const [saveState, setSaveState] = useState<SaveState>(session.saved ? 'saved' : 'failed');
  const completed = session.status === 'completed';
  const breaths = completed
    ? `${session.totalBreaths} breaths`
    : `${session.breathsCompleted} of ${session.totalBreaths} breaths`;

  const retry = () => {
    const { record } = session;
    if (storage === null || record === null) return;
    setSaveState('retrying');
    storage.sessions.add(record).then(
      () => setSaveState('saved'),
      () => setSaveState('failed'),
    );
  };

  return (
    <Screen contentStyle={styles.content}>
      <View testID="session-complete" style={styles.body}>
        <View style={[styles.badge, { backgroundColor: theme.breathGlow }]}>
          <View style={[styles.badgeCore, { backgroundColor: theme.breath }]} />
        </View>
        <AppText variant="display" style={styles.center} accessibilityRole="header">
          {completed ? 'Session complete' : 'Session ended early'}
        </AppText>
        <AppText
          variant="heading"
          tone="primary"
          style={styles.center}
          testID="session-complete-summary"
        >
          {durationText(session.activeMs)} · {breaths}
        </AppText>
        <AppText tone="muted" style={styles.center}>
          {completed
            ? 'You gave yourself three slow minutes. Notice how your body feels right now.'
            : 'Every slow breath counts. Come back whenever you are ready for the full three minutes.'}
        </AppText>
      </View>

      <View style={styles.footer}>
        {saveState === 'saved' ? (
          <AppText variant="caption" tone="muted" style={styles.center}>
            Saved to your history on this device.
          </AppText>
        ) : (
          <View
            style={[styles.notice, { backgroundColor: theme.surface, borderColor: theme.border }]}
          >
            <AppText variant="caption" accessibilityLiveRegion="polite" style={styles.center}>
              {saveState === 'retrying'
                ? 'Saving…'
                : 'This session could not be saved to your history.'}
            </AppText>
            {saveState === 'failed' && session.record !== null && storage !== null ? (
              <Button label="Try saving again" variant="secondary" onPress={retry} />
            ) : null}
          </View>
        )}
        <Button testID="back-home-button" label="Back home" onPress={() => router.dismissTo('/')} />
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { justifyContent: 'space-between' },
  body: { flex: 1, justifyContent: 'center', gap: spacing.md },
  badge: {
    width: 96,
    height: 96,
    borderRadius: 48,
    alignItems: 'center',
    justifyContent: 'center',
    alignSelf: 'center',
    marginBottom: spacing.md,
  },
  badgeCore: { width: 56, height: 56, borderRadius: 28 },
  center: { textAlign: 'center' },
  footer: { gap: spacing.md },
  notice: {
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.md,
    padding: spacing.md,
    gap: spacing.sm,
  },
});

import { useFocusEffect, useRouter } from 'expo-router';
import { useCallback, useEffect, useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { HomeRoutine } from '@/features/reminders/home-routine';
import { useSessions } from '@/lib/storage';
import { radius, spacing, useTheme } from '@/theme';

import { preloadSessionScreenWhenIdle, warmSessionScreen } from '../session/session-screen-loader';

import { greetingFor } from './greeting';
import { RecentSessions } from './recent-sessions';

const RECENT_LIMIT = 5;

export interface HomeScreenProps {
  /** The person's name from their profile, when they gave one. */
  name?: string | null;
}

export function HomeScreen({ name = null }: HomeScreenProps) {
  const router = useRouter();
  const theme = useTheme();
  const [greeting] = useState(() => greetingFor(new Date()));
  const { sessions, loading, error, reload } = useSessions({ limit: RECENT_LIMIT });

  useEffect(preloadSessionScreenWhenIdle, []);

  // A session finished on the next screen is in storage by the time this one is back.
  useFocusEffect(
    useCallback(() => {
      void reload();
    }, [reload]),
  );

  return (
    <Screen scroll contentStyle={styles.content}>
      <View style={styles.intro}>
        <AppText variant="label" tone="primary" style={styles.brand}>
          Exhale
        </AppText>
        <AppText variant="display" accessibilityRole="header">
          {name ? `${greeting}, ${name}.` : `${greeting}.`}
        </AppText>
        <AppText tone="muted">
          Take a moment for yourself. No experience needed — just follow the circle.
        </AppText>
      </View>

      <View style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.border }]}>
        <View style={[styles.art, { backgroundColor: theme.breathGlow }]}>
          <View style={[styles.artCore, { backgroundColor: theme.breath }]} />
        </View>
        <AppText variant="title">First Breath</AppText>
        <AppText tone="muted" testID="first-breath-description">
          3 minutes of slow breathing: breathe in for 5 seconds, out for 5 seconds, 18 times.
        </AppText>
        <Button
          testID="start-first-breath"
          label={sessions.length > 0 ? 'Breathe again' : 'Start your first breath'}
          accessibilityHint="Opens a three-minute guided breathing session"
          onHoverIn={warmSessionScreen}
          onPressIn={warmSessionScreen}
          onPress={() => router.push('/session')}
          style={styles.cta}
        />
      </View>

      <HomeRoutine />
      <RecentSessions sessions={sessions} loading={loading} error={error} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { gap: spacing.xl },
  intro: { gap: spacing.sm, marginTop: spacing.md },
  brand: { letterSpacing: 2, textTransform: 'uppercase' },
  card: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.lg,
    gap: spacing.sm,
  },
  art: {
    width: 56,
    height: 56,
    borderRadius: 28,
    alignItems: 'center',
    justifyContent: 'center',
    marginBottom: spacing.sm,
  },
  artCore: { width: 30, height: 30, borderRadius: 15 },
  cta: { marginTop: spacing.md },
});

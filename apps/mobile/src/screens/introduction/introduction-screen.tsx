import { useRouter } from 'expo-router';
import { useEffect } from 'react';
import { ScrollView, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { CoachMessageCard } from '@/features/coach/coach-message-card';
import { useCoachIntroduction } from '@/features/coach/use-coach-introduction';
import { useReducedMotion } from '@/features/session/use-reduced-motion';
import { radius, spacing, useTheme } from '@/theme';

import { preloadSessionScreenWhenIdle, warmSessionScreen } from '../session/session-screen-loader';

const FACTS = [
  { value: '5 s', label: 'breathe in' },
  { value: '5 s', label: 'breathe out' },
  { value: '18', label: 'breaths' },
  { value: '3:00', label: 'in all' },
] as const;

/** What First Breath is, why slow breathing calms, and the coach's words for this person. */
export function IntroductionScreen() {
  const router = useRouter();
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  const introduction = useCoachIntroduction();

  useEffect(preloadSessionScreenWhenIdle, []);

  const card = [styles.card, { backgroundColor: theme.surface, borderColor: theme.border }];
  return (
    <Screen contentStyle={styles.screen} testID="introduction">
      <ScrollView style={styles.fill} contentContainerStyle={styles.content}>
        <View style={styles.intro}>
          <AppText variant="label" tone="primary" style={styles.brand}>
            Your first practice
          </AppText>
          <AppText variant="display" accessibilityRole="header">
            First Breath
          </AppText>
          <AppText tone="muted">
            Three minutes of slow, even breathing. Find a comfortable seat, let your shoulders drop,
            and follow the circle.
          </AppText>
        </View>

        <View style={styles.facts} testID="first-breath-facts">
          {FACTS.map((fact) => (
            <View
              key={fact.label}
              style={[styles.fact, { backgroundColor: theme.surfaceMuted }]}
              accessible
              accessibilityLabel={`${fact.value} ${fact.label}`}
            >
              <AppText variant="title" tone="primary">
                {fact.value}
              </AppText>
              <AppText variant="caption" tone="muted">
                {fact.label}
              </AppText>
            </View>
          ))}
        </View>

        <CoachMessageCard
          text={introduction === null ? null : introduction.text}
          reducedMotion={reducedMotion}
          testID="coach-introduction"
        />

        <View style={card}>
          <AppText variant="heading" accessibilityRole="header">
            What will happen
          </AppText>
          <AppText testID="what-will-happen">
            The circle grows as you breathe in for 5 seconds and softens as you breathe out for 5
            seconds. That is one breath; you will take 18 of them, exactly 3:00 in all. A gentle
            voice and sound guide you, and now and then the coach invites you to notice your body.
            You can pause or stop at any time.
          </AppText>
        </View>

        <View style={card}>
          <AppText variant="heading" accessibilityRole="header">
            Why slow breathing calms
          </AppText>
          <AppText>
            Breathing at about six breaths a minute, with an unhurried breath out, is a signal your
            body understands. It tends to shift your nervous system toward its “rest and digest”
            side, the parasympathetic response, so your body can settle and your mind quieten a
            little. There is nothing to get right: just follow the pace.
          </AppText>
        </View>
      </ScrollView>
      <View style={[styles.footer, { borderTopColor: theme.border }]}>
        <Button
          testID="start-session"
          label="Begin First Breath"
          accessibilityHint="Opens the three-minute guided breathing session"
          onHoverIn={warmSessionScreen}
          onPressIn={warmSessionScreen}
          onPress={() => router.push('/session')}
        />
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  // The start button stays in view below the scrolling text, on any screen height.
  screen: { paddingVertical: 0, paddingHorizontal: 0 },
  fill: { flex: 1 },
  content: { gap: spacing.lg, padding: spacing.lg, paddingBottom: spacing.xl },
  footer: {
    paddingHorizontal: spacing.lg,
    paddingTop: spacing.md,
    paddingBottom: spacing.lg,
    borderTopWidth: StyleSheet.hairlineWidth,
  },
  intro: { gap: spacing.sm, marginTop: spacing.md },
  brand: { letterSpacing: 2, textTransform: 'uppercase' },
  facts: { flexDirection: 'row', gap: spacing.sm },
  fact: {
    flex: 1,
    alignItems: 'center',
    paddingVertical: spacing.md,
    borderRadius: radius.md,
    gap: 2,
  },
  card: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.lg,
    gap: spacing.sm,
  },
});

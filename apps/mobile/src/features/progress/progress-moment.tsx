import type { SessionRecord } from '@exhale/core';
import type { BadgeDefinition } from '@exhale/core/progress';
import { useEffect, useRef, useState } from 'react';
import { Animated, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { analytics } from '@/features/analytics/analytics';
import { useReducedMotion } from '@/features/session/use-reduced-motion';
import { useStorage } from '@/lib/storage';
import { radius, spacing, useTheme } from '@/theme';

import { BadgeIcon } from './badge-icon';
import { deviceTimeZone } from './device-time-zone';
import { loadProgressRuntime } from './load-runtime';

export interface ProgressMomentProps {
  /** The session just finished (null when none could be built). */
  session: Pick<
    SessionRecord,
    'id' | 'patternId' | 'status' | 'activeMs' | 'startedAt' | 'timeZone'
  > | null;
  /** Whether it is in storage yet: the moment waits for the save (or a retry) to land. */
  saved?: boolean;
}

interface Moment {
  streak: number | null;
  /** Badges this session earned, with their table entries (null: from a newer version). */
  badges: { id: string; definition: BadgeDefinition | null }[];
}

/**
 * After a session: awards the badges the stored history has now earned, celebrates those
 * this session earned, and shows the streak (unless the person hid streaks). Badges the
 * table lacked from before (e.g. the first run after an update) are stored quietly, not
 * celebrated as new.
 */
export function ProgressMoment({ session, saved = true }: ProgressMomentProps) {
  const storage = useStorage();
  const sessionId = session?.id ?? null;
  // Primitives, so the effect runs once per stored session, not on every new object.
  const patternId = session?.patternId ?? '';
  const status = session?.status ?? 'completed';
  const activeMs = session?.activeMs ?? 0;
  const startedAt = session?.startedAt ?? '';
  const timeZone = session?.timeZone ?? 'UTC';
  const [moment, setMoment] = useState<Moment | null>(null);

  useEffect(() => {
    if (!saved || storage === null || sessionId === null) return;
    let current = true;
    (async () => {
      const runtime = await loadProgressRuntime();
      const { snapshot, showStreaks, stored } = await runtime.loadProgress(storage, {
        now: Date.now(),
        timeZone: deviceTimeZone(),
      });
      // Today is practised now: today's reminder goes and the icon badge clears.
      runtime
        .syncRemindersNow(storage)
        .catch((error: unknown) => console.warn('Could not update reminders', error));
      analytics.track({
        name: 'session_completed',
        properties: {
          pattern_id: patternId,
          status,
          minutes: Math.round(activeMs / 60_000),
          day: runtime.sessionLocalDay({ startedAt, timeZone }),
        },
      });
      const earnedNow = stored.filter((badge) => badge.sessionId === sessionId);
      for (const badge of earnedNow) {
        analytics.track({
          name: 'badge_earned',
          properties: { badge_id: badge.id, day: badge.earnedAt },
        });
      }
      if (current) {
        setMoment({
          streak: showStreaks ? snapshot.streaks.current : null,
          badges: earnedNow.map(({ id }) => ({ id, definition: runtime.badgeDefinition(id) })),
        });
      }
    })().catch((error: unknown) =>
      console.warn('Could not update progress after the session', error),
    );
    return () => {
      current = false;
    };
  }, [saved, storage, sessionId, patternId, status, activeMs, startedAt, timeZone]);

  if (moment === null || (moment.streak === null && moment.badges.length === 0)) return null;
  return <MomentCard moment={moment} />;
}

function MomentCard({ moment }: { moment: Moment }) {
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  const appear = useRef(new Animated.Value(reducedMotion ? 1 : 0)).current;

  useEffect(() => {
    if (reducedMotion) {
      appear.setValue(1);
      return;
    }
    const animation = Animated.spring(appear, {
      toValue: 1,
      friction: 7,
      tension: 40,
      useNativeDriver: false,
    });
    animation.start();
    return () => animation.stop();
  }, [appear, reducedMotion]);

  const scale = appear.interpolate({ inputRange: [0, 1], outputRange: [0.92, 1] });
  const { streak, badges } = moment;
  return (
    <Animated.View
      testID="progress-moment"
      accessibilityLiveRegion="polite"
      style={[
        styles.card,
        { backgroundColor: theme.surface, borderColor: theme.border },
        { opacity: appear, transform: [{ scale }] },
      ]}
    >
      {streak !== null && streak > 0 ? (
        <AppText
          variant="label"
          tone="primary"
          style={styles.center}
          testID="progress-moment-streak"
        >
          {streak === 1
            ? 'Day 1 of your streak. A fresh start.'
            : `${streak} days in a row. Lovely consistency.`}
        </AppText>
      ) : null}
      {badges.map((badge) => {
        const { definition } = badge;
        return (
          <View key={badge.id} style={styles.badge} testID={`new-badge-${badge.id}`}>
            <BadgeIcon icon={definition?.icon ?? 'medal'} earned size={52} />
            <View style={styles.badgeText}>
              <AppText variant="caption" tone="muted">
                New badge
              </AppText>
              <AppText variant="heading">{definition?.title ?? badge.id}</AppText>
              {definition ? (
                <AppText variant="caption" tone="muted">
                  {definition.description}
                </AppText>
              ) : null}
            </View>
          </View>
        );
      })}
    </Animated.View>
  );
}

const styles = StyleSheet.create({
  card: {
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.lg,
    padding: spacing.lg,
    gap: spacing.md,
  },
  center: { textAlign: 'center' },
  badge: { flexDirection: 'row', alignItems: 'center', gap: spacing.md },
  badgeText: { flex: 1, gap: 2 },
});

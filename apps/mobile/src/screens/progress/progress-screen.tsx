import { useFocusEffect, useRouter } from 'expo-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { analytics } from '@/features/analytics/analytics';
import { countBucket } from '@/features/analytics/count-bucket';
import { durationMinutesText, plural } from '@/features/progress/format';
import { useProgress } from '@/features/progress/use-progress';
import { radius, spacing, useTheme } from '@/theme';

import { BadgesGrid } from './badges-grid';
import { CalmTrendCard } from './calm-trend';
import { MonthHeatmap } from './month-heatmap';
import { WeeklyChart } from './weekly-chart';

export function ProgressScreen() {
  const router = useRouter();
  const theme = useTheme();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const { view, loading, error, reload } = useProgress(month);
  const reported = useRef(false);

  // Sessions finished or imported elsewhere are in storage by the time this is back.
  useFocusEffect(
    useCallback(() => {
      void reload();
    }, [reload]),
  );

  useEffect(() => {
    if (view === null || reported.current) return;
    reported.current = true;
    analytics.track({
      name: 'progress_viewed',
      properties: {
        sessions: countBucket(view.snapshot.summary.totals.sessions),
        streaks_shown: view.showStreaks,
      },
    });
  }, [view]);

  const back = () => (router.canGoBack() ? router.back() : router.replace('/'));

  if (view === null) {
    return (
      <Screen contentStyle={styles.center}>
        {error ? (
          <View style={styles.failed}>
            <AppText style={styles.centerText}>
              Your progress could not be read on this device right now.
            </AppText>
            <Button label="Try again" onPress={() => void reload()} />
          </View>
        ) : (
          <ActivityIndicator color={theme.primary} accessibilityLabel="Loading your progress" />
        )}
      </Screen>
    );
  }

  const { snapshot, today, showStreaks } = view;
  const { streaks, summary, badges } = snapshot;
  const stats: { label: string; value: string; testID: string }[] = [
    ...(showStreaks
      ? [
          { label: 'Current streak', value: plural(streaks.current, 'day'), testID: 'stat-streak' },
          {
            label: 'Longest streak',
            value: plural(streaks.longest, 'day'),
            testID: 'stat-longest',
          },
        ]
      : []),
    {
      label: 'Total time',
      value: durationMinutesText(summary.totals.minutes),
      testID: 'stat-minutes',
    },
    { label: 'Sessions', value: String(summary.totals.sessions), testID: 'stat-sessions' },
  ];

  return (
    <Screen scroll contentStyle={styles.content} testID="progress-screen">
      <View style={styles.header}>
        <Button label="‹ Back" variant="secondary" onPress={back} style={styles.backButton} />
        <AppText variant="display" accessibilityRole="header">
          Your progress
        </AppText>
        <AppText tone="muted">
          {summary.totals.sessions === 0
            ? 'Your first session will start the picture. There is no rush.'
            : streaks.practisedToday
              ? 'You have practised today. Well done for showing up.'
              : 'A few slow breaths today would keep your rhythm going.'}
        </AppText>
      </View>

      <View style={styles.stats}>
        {stats.map((stat) => (
          <View
            key={stat.testID}
            style={[styles.stat, { backgroundColor: theme.surface, borderColor: theme.border }]}
            accessible
            accessibilityLabel={`${stat.label}: ${stat.value}`}
          >
            <AppText variant="caption" tone="muted">
              {stat.label}
            </AppText>
            <AppText variant="title" testID={stat.testID}>
              {stat.value}
            </AppText>
          </View>
        ))}
      </View>

      <WeeklyChart weekly={summary.weekly} />
      <MonthHeatmap calendar={summary.calendar} today={today} onMonthChange={setMonth} />
      <BadgesGrid table={view.table} earned={badges.earned} />
      <CalmTrendCard calm={summary.calm} />
      {loading ? (
        <AppText variant="caption" tone="muted" style={styles.centerText}>
          Updating…
        </AppText>
      ) : null}
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { gap: spacing.lg },
  center: { justifyContent: 'center', alignItems: 'center' },
  centerText: { textAlign: 'center' },
  failed: { gap: spacing.md, alignItems: 'stretch' },
  header: { gap: spacing.sm },
  backButton: { alignSelf: 'flex-start', minHeight: 40, paddingVertical: spacing.xs },
  stats: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  stat: {
    flexBasis: '45%',
    flexGrow: 1,
    borderRadius: radius.md,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.md,
    gap: 2,
  },
});

import { useRouter } from 'expo-router';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { analytics } from '@/features/analytics/analytics';
import { radius, spacing, useTheme } from '@/theme';

import type { ReminderStatus } from './reminder-status';
import { useReminders } from './use-reminders';

/**
 * The home screen's routine corner: the reminder offer or the in-app reminder banner when
 * there is one to show, and the ways to Progress and Settings.
 */
export function HomeRoutine() {
  const router = useRouter();
  return (
    <View style={styles.stack}>
      <ReminderBanner />
      <View style={styles.links}>
        <Button
          testID="open-progress"
          label="Your progress"
          variant="secondary"
          onPress={() => router.push('/progress')}
          style={styles.link}
        />
        <Button
          testID="open-settings"
          label="Settings"
          variant="secondary"
          onPress={() => router.push('/settings')}
          style={styles.link}
        />
      </View>
    </View>
  );
}

type BannerKind = 'offer' | 'due' | null;

export function bannerKind(status: ReminderStatus | null, now: number): BannerKind {
  if (status === null || status.time === null) return null;
  if (status.enabled === null) return 'offer';
  // Notifications cover it when they can be shown; otherwise the app itself reminds.
  const notificationsWork = status.permission === 'granted';
  if (
    status.enabled &&
    !notificationsWork &&
    !status.practisedToday &&
    status.todayAtMs !== null &&
    now >= status.todayAtMs
  ) {
    return 'due';
  }
  return null;
}

export function ReminderBanner() {
  const theme = useTheme();
  const router = useRouter();
  const { status, setEnabled, busy, error, capabilities } = useReminders();
  const kind = bannerKind(status, Date.now());
  if (kind === null || status === null) return null;

  const cardStyle = [
    styles.card,
    { backgroundColor: theme.surfaceMuted, borderColor: theme.border },
  ];
  if (kind === 'offer') {
    return (
      <View style={cardStyle} testID="reminder-offer">
        <AppText variant="heading">A daily reminder at {status.time}?</AppText>
        <AppText tone="muted">
          {capabilities.whileClosed
            ? 'Exhale can send a gentle nudge at the time you chose, and skips it on days you have already practised. It is scheduled on this device; nothing goes to a server.'
            : 'While Exhale is open in this tab, your browser can show a gentle nudge at the time you chose. Browsers cannot remind you once the tab is closed.'}
        </AppText>
        {error ? (
          <AppText variant="caption" accessibilityLiveRegion="polite">
            {error}
          </AppText>
        ) : null}
        <View style={styles.actions}>
          <Button
            testID="reminder-offer-accept"
            label="Remind me daily"
            disabled={busy}
            onPress={async () => {
              await setEnabled(true);
              analytics.track({
                name: 'reminder_enabled',
                properties: {
                  time_kind: status.preferred?.kind ?? 'custom',
                  platform_notifications: capabilities.whileClosed,
                },
              });
            }}
            style={styles.action}
          />
          <Button
            label="Not now"
            variant="secondary"
            disabled={busy}
            onPress={() => void setEnabled(false)}
            style={styles.action}
          />
        </View>
      </View>
    );
  }

  return (
    <View style={cardStyle} testID="reminder-banner" accessibilityLiveRegion="polite">
      <AppText variant="heading">It is past your {status.time} breathing time</AppText>
      <AppText tone="muted">Three calm minutes are ready whenever you are.</AppText>
      {status.permission === 'denied' ? (
        <AppText variant="caption" tone="muted">
          {capabilities.whileClosed
            ? 'Notifications are off for Exhale, so this reminder shows here instead. To get it on time, allow notifications for Exhale in your phone’s Settings.'
            : 'Notifications are blocked for this site, so this reminder shows here instead. You can allow them in your browser’s site settings.'}
        </AppText>
      ) : null}
      <Button label="Breathe now" onPress={() => router.push('/session')} />
    </View>
  );
}

const styles = StyleSheet.create({
  stack: { gap: spacing.md },
  links: { flexDirection: 'row', gap: spacing.sm },
  link: { flex: 1, paddingHorizontal: spacing.md },
  card: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.lg,
    gap: spacing.sm,
  },
  actions: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm, marginTop: spacing.sm },
  action: { flexGrow: 1 },
});

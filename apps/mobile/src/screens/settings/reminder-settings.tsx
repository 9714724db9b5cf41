import type { PreferredTime } from '@exhale/core/coach';
import { useState } from 'react';
import { StyleSheet, TextInput, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { analytics } from '@/features/analytics/analytics';
import { dayText } from '@/features/progress/format';
import type { ReminderStatus } from '@/features/reminders/reminder-status';
import { useReminders } from '@/features/reminders/use-reminders';
import { radius, spacing, typography, useTheme } from '@/theme';

import { Choices, SettingRow, SettingsSection, ToggleRow } from './setting-row';

type Kind = PreferredTime['kind'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'morning', label: 'Morning · 08:00' },
  { value: 'bedtime', label: 'Bedtime · 21:30' },
  { value: 'custom', label: 'Another time' },
];
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "7:5", "0730" and "7.30" read as 07:05, 07:30 and 07:30; anything else is null. */
export function normaliseClock(text: string): string | null {
  const trimmed = text.trim().replace('.', ':');
  const match = /^(\d{1,2}):?(\d{2})$/.exec(trimmed) ?? /^(\d{1,2}):(\d)$/.exec(trimmed);
  if (!match) return null;
  const clock = `${match[1]!.padStart(2, '0')}:${match[2]!.padStart(2, '0')}`;
  return CLOCK.test(clock) ? clock : null;
}

export function reminderStatusText(
  status: ReminderStatus | null,
  capabilities: { whileClosed: boolean },
): string {
  if (status === null) return 'Checking your reminders…';
  if (status.time === null) return 'Choose a time above to get a daily reminder.';
  if (status.enabled !== true) return `Reminders are off. Your practice time is ${status.time}.`;
  if (status.permission === 'unsupported') {
    return 'This browser cannot show notifications, so Exhale reminds you on its home screen instead.';
  }
  if (status.permission === 'denied') {
    return capabilities.whileClosed
      ? 'Notifications are off for Exhale. To turn them on, open your phone’s Settings, find Exhale, and allow notifications. Until then, Exhale shows the reminder on its home screen.'
      : 'Notifications are blocked for this site. Allow them in your browser’s site settings (the icon beside the address). Until then, Exhale shows the reminder on its home screen.';
  }
  if (status.permission !== 'granted') return 'Allow notifications to get your daily reminder.';
  const next = status.scheduled[0];
  if (!next) return `Daily reminder at ${status.time}. Nothing is scheduled in the next week.`;
  const when = `${dayText(next.day)} at ${next.localTime}`;
  const skipped = status.practisedToday
    ? ' Today’s practice is done, so today’s reminder is skipped.'
    : '';
  return `Daily reminder at ${status.time}. Next: ${when}.${skipped}`;
}

export function ReminderSettings() {
  const theme = useTheme();
  const { status, capabilities, setEnabled, setTime, busy, error } = useReminders();
  const [kindChoice, setKindChoice] = useState<Kind | null>(null);
  const [customText, setCustomText] = useState<string | null>(null);
  const [customError, setCustomError] = useState<string | null>(null);
  const [explaining, setExplaining] = useState(false);

  const kind = kindChoice ?? status?.preferred?.kind ?? null;
  const customValue =
    customText ?? (status?.preferred?.kind === 'custom' ? status.preferred.time : '');

  const choose = async (next: Kind) => {
    setKindChoice(next);
    setCustomError(null);
    if (next !== 'custom') await setTime({ kind: next });
  };

  const saveCustom = async () => {
    const clock = normaliseClock(customValue);
    if (clock === null) {
      setCustomError('Enter a time like 07:30, on a 24-hour clock.');
      return;
    }
    setCustomError(null);
    setCustomText(clock);
    await setTime({ kind: 'custom', time: clock });
  };

  const turnOn = async () => {
    setExplaining(false);
    await setEnabled(true);
    analytics.track({
      name: 'reminder_enabled',
      properties: {
        time_kind: status?.preferred?.kind ?? 'custom',
        platform_notifications: capabilities.whileClosed,
      },
    });
  };

  const onToggle = async (on: boolean) => {
    if (!on) {
      setExplaining(false);
      await setEnabled(false);
      analytics.track({ name: 'reminder_disabled', properties: {} });
      return;
    }
    // The system prompt comes once: say why before it appears.
    if (status?.permission === 'undetermined') setExplaining(true);
    else await turnOn();
  };

  return (
    <SettingsSection title="Daily reminder" testID="reminder-settings">
      <SettingRow
        first
        label="Practice time"
        description="When you like to breathe. The reminder follows it."
      />
      <Choices
        label="Practice time"
        options={KINDS}
        value={kind}
        onChange={(next) => void choose(next)}
        disabled={busy}
        testIDPrefix="reminder-time"
      />
      {kind === 'custom' ? (
        <View style={styles.custom}>
          <TextInput
            testID="reminder-custom-time"
            value={customValue}
            onChangeText={setCustomText}
            placeholder="07:30"
            placeholderTextColor={theme.textMuted}
            inputMode="numeric"
            maxLength={5}
            accessibilityLabel="Reminder time, 24-hour clock"
            onSubmitEditing={() => void saveCustom()}
            style={[
              styles.input,
              { borderColor: customError ? theme.primary : theme.border, color: theme.text },
            ]}
          />
          <Button
            testID="reminder-custom-save"
            label="Save time"
            variant="secondary"
            disabled={busy}
            onPress={() => void saveCustom()}
          />
        </View>
      ) : null}
      {customError ? (
        <AppText variant="caption" accessibilityLiveRegion="polite">
          {customError}
        </AppText>
      ) : null}
      <ToggleRow
        testID="reminder-toggle"
        label="Remind me each day"
        description={
          capabilities.whileClosed
            ? 'A gentle notification at your time, skipped on days you have already practised. The app icon shows 1 until you have.'
            : 'On the web, Exhale can only remind you while it is open in a tab: browsers cannot wake a closed page or badge an icon. The phone app reminds you even when closed.'
        }
        value={status?.enabled === true}
        onChange={(on) => void onToggle(on)}
        disabled={busy || status?.time == null}
      />
      {explaining ? (
        <View
          style={[styles.explain, { backgroundColor: theme.surfaceMuted }]}
          testID="reminder-permission-explainer"
        >
          <AppText variant="label">
            One question from your {capabilities.whileClosed ? 'phone' : 'browser'}
          </AppText>
          <AppText variant="caption" tone="muted">
            To remind you, Exhale needs permission to show notifications. It sends one a day at your
            time and nothing else. The reminder is scheduled on this device; no server is involved.
          </AppText>
          <View style={styles.explainActions}>
            <Button
              testID="reminder-permission-continue"
              label="Continue"
              onPress={() => void turnOn()}
            />
            <Button label="Not now" variant="secondary" onPress={() => setExplaining(false)} />
          </View>
        </View>
      ) : null}
      <View style={styles.status}>
        <AppText
          variant="caption"
          tone="muted"
          testID="reminder-status"
          accessibilityLiveRegion="polite"
        >
          {reminderStatusText(status, capabilities)}
        </AppText>
        {error ? <AppText variant="caption">{error}</AppText> : null}
      </View>
    </SettingsSection>
  );
}

const styles = StyleSheet.create({
  custom: { flexDirection: 'row', gap: spacing.sm, alignItems: 'center', marginBottom: spacing.md },
  input: {
    ...typography.body,
    minWidth: 96,
    minHeight: 52,
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.md,
    paddingHorizontal: spacing.md,
  },
  explain: {
    borderRadius: radius.md,
    padding: spacing.md,
    gap: spacing.sm,
    marginBottom: spacing.md,
  },
  explainActions: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  status: { paddingBottom: spacing.md, gap: spacing.xs },
});

import { useState } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { analyticsConfig } from '@/features/analytics/analytics';
import { RETENTION_CHOICES } from '@/features/privacy/retention-choices';
import { useDataActions } from '@/features/privacy/use-data-actions';
import { radius, spacing, useTheme } from '@/theme';

import { Choices, SettingRow, SettingsSection, ToggleRow } from './setting-row';

export function PrivacySettings() {
  const theme = useTheme();
  const actions = useDataActions();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const configured = analyticsConfig().apiKey !== null;
  const { state } = actions;
  const working = state.kind === 'working';

  return (
    <SettingsSection title="Privacy" testID="privacy-settings">
      <ToggleRow
        first
        testID="analytics-toggle"
        label="Share anonymous usage"
        description={
          configured
            ? 'Off unless you turn it on. Counts like “a session was completed” with a random id — never your name, notes, ratings or session times. The full list is in Exhale’s analytics notes.'
            : 'Off. This build of Exhale has no analytics service configured, so nothing is ever sent.'
        }
        value={actions.analyticsOn === true}
        onChange={(on) => (actions.ready ? void actions.setAnalytics(on) : undefined)}
        disabled={!configured || !actions.ready || working}
      />
      <SettingRow
        label="Keep sessions for"
        description="Older sessions are removed each time Exhale starts. Earned badges are always kept."
      />
      <Choices
        label="Keep sessions for"
        options={RETENTION_CHOICES.map(({ policy, label }) => ({ value: policy, label }))}
        value={actions.retention}
        onChange={(policy) => (actions.ready ? void actions.setRetention(policy) : undefined)}
        disabled={!actions.ready || working}
        testIDPrefix="retention"
      />
      <SettingRow
        label="Your data"
        description="Everything stays on this device. Export a copy to keep or move to another device; importing merges it without duplicates."
      />
      <View style={styles.buttons}>
        <Button
          testID="export-data"
          label="Export my data"
          variant="secondary"
          disabled={!actions.ready || working}
          onPress={() => (actions.ready ? void actions.exportData() : undefined)}
          style={styles.button}
        />
        <Button
          testID="import-data"
          label="Import a file"
          variant="secondary"
          disabled={!actions.ready || working}
          onPress={() => (actions.ready ? void actions.importData() : undefined)}
          style={styles.button}
        />
      </View>
      {confirmingDelete ? (
        <View
          style={[
            styles.confirm,
            { borderColor: theme.border, backgroundColor: theme.surfaceMuted },
          ]}
          testID="delete-confirmation"
        >
          <AppText variant="label">Delete everything on this device?</AppText>
          <AppText variant="caption" tone="muted">
            Your profile, sessions, notes, ratings, badges, reminders and settings will be removed.
            This cannot be undone; export a copy first if you might want it back.
          </AppText>
          <View style={styles.buttons}>
            <Button
              testID="delete-confirm"
              label="Delete everything"
              disabled={!actions.ready || working}
              onPress={() => {
                setConfirmingDelete(false);
                if (actions.ready) void actions.deleteAll();
              }}
              style={styles.button}
            />
            <Button
              label="Keep my data"
              variant="secondary"
              onPress={() => setConfirmingDelete(false)}
              style={styles.button}
            />
          </View>
        </View>
      ) : (
        <View style={styles.deleteRow}>
          <Button
            testID="delete-all-data"
            label="Delete all data…"
            variant="secondary"
            disabled={!actions.ready || working}
            onPress={() => setConfirmingDelete(true)}
          />
        </View>
      )}
      <View style={styles.status} accessibilityLiveRegion="polite">
        {state.kind === 'working' ? (
          <View style={styles.working}>
            <ActivityIndicator color={theme.primary} />
            <AppText variant="caption" tone="muted">
              {state.what}
            </AppText>
          </View>
        ) : state.kind === 'done' || state.kind === 'failed' ? (
          <AppText
            variant="caption"
            testID={state.kind === 'done' ? 'privacy-message' : 'privacy-error'}
            style={state.kind === 'failed' ? { color: theme.text } : undefined}
            tone={state.kind === 'done' ? 'primary' : 'default'}
          >
            {state.message}
          </AppText>
        ) : null}
      </View>
    </SettingsSection>
  );
}

const styles = StyleSheet.create({
  buttons: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  button: { flexGrow: 1, paddingHorizontal: spacing.md },
  deleteRow: { marginTop: spacing.md, alignItems: 'flex-start' },
  confirm: {
    marginTop: spacing.md,
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.md,
    padding: spacing.md,
    gap: spacing.sm,
  },
  status: { paddingVertical: spacing.md },
  working: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
});

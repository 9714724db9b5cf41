import { useRouter } from 'expo-router';
import { useEffect, useState } from 'react';
import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { SHOW_STREAKS_KEY } from '@/features/progress/progress-settings';
import { useStorage } from '@/lib/storage';
import { spacing, useTheme } from '@/theme';

import { PrivacySettings } from './privacy-settings';
import { ReminderSettings } from './reminder-settings';
import { SettingRow, SettingsSection, ToggleRow } from './setting-row';

export function SettingsScreen() {
  const router = useRouter();
  const theme = useTheme();
  const storage = useStorage();
  const [showStreaks, setShowStreaks] = useState<boolean | null>(null);

  useEffect(() => {
    if (!storage) return;
    let current = true;
    void storage.settings.get<boolean>(SHOW_STREAKS_KEY, true).then((value) => {
      if (current) setShowStreaks(value);
    });
    return () => {
      current = false;
    };
  }, [storage]);

  const toggleStreaks = async (on: boolean) => {
    if (!storage) return;
    setShowStreaks(on);
    await storage.settings.set(SHOW_STREAKS_KEY, on).catch(() => setShowStreaks(!on));
  };

  return (
    <Screen scroll contentStyle={styles.content} testID="settings-screen">
      <View style={styles.header}>
        <Button
          label="‹ Back"
          variant="secondary"
          onPress={() => (router.canGoBack() ? router.back() : router.replace('/'))}
          style={styles.back}
        />
        <AppText variant="display" accessibilityRole="header">
          Settings
        </AppText>
      </View>

      <ReminderSettings />

      <SettingsSection title="Progress">
        <ToggleRow
          first
          testID="streaks-toggle"
          label="Show streaks"
          description="Some people find streaks motivating, others stressful. When off, Exhale does not count days in a row anywhere, reminders included."
          value={showStreaks ?? true}
          onChange={(on) => void toggleStreaks(on)}
          disabled={showStreaks === null}
        />
      </SettingsSection>

      <SettingsSection title="Your coach">
        <Pressable
          testID="redo-welcome"
          accessibilityRole="link"
          accessibilityLabel="Redo the welcome chat"
          onPress={() => router.push('/onboarding?redo=1')}
          style={({ pressed }) => [pressed && { backgroundColor: theme.surfaceMuted }]}
        >
          <SettingRow
            first
            label="Redo the welcome chat"
            description="Answer the coach’s questions again: your goal, experience, health check and practice time."
          >
            <AppText variant="heading" tone="primary">
              ›
            </AppText>
          </SettingRow>
        </Pressable>
      </SettingsSection>

      <PrivacySettings />
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { gap: spacing.xl },
  header: { gap: spacing.sm },
  back: { alignSelf: 'flex-start', minHeight: 40, paddingVertical: spacing.xs },
});

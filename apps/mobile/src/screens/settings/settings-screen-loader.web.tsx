import { useEffect, useState, type ComponentType } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { spacing, useTheme } from '@/theme';

let loaded: ComponentType | null = null;
let loading: Promise<ComponentType> | null = null;

function load(): Promise<ComponentType> {
  loading ??= import('./settings-screen').then(
    (module) => (loaded = module.SettingsScreen),
    (error: unknown) => {
      loading = null; // let the next attempt fetch again
      throw error;
    },
  );
  return loading;
}

/**
 * Web: the settings screen ships in its own chunk, fetched when the
 * screen is opened, so it never counts against the first screen's bundle. Plain state
 * rather than expo-router's async routes, for the same reason as the session screen (its
 * Suspense reveal waits on timers, which a test's fake clock holds).
 */
export function SettingsScreenLoader() {
  const [Loaded, setLoaded] = useState<ComponentType | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  const theme = useTheme();

  useEffect(() => {
    if (Loaded !== null || failed) return;
    let current = true;
    load().then(
      (component) => current && setLoaded(() => component),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [Loaded, failed]);

  if (Loaded !== null) return <Loaded />;
  return (
    <Screen contentStyle={styles.center}>
      {failed ? (
        <View style={styles.failed}>
          <AppText style={styles.text}>
            Settings could not be loaded. Check your connection.
          </AppText>
          <Button label="Try again" onPress={() => setFailed(false)} />
        </View>
      ) : (
        <ActivityIndicator color={theme.primary} accessibilityLabel="Loading settings" />
      )}
    </Screen>
  );
}

const styles = StyleSheet.create({
  center: { justifyContent: 'center', alignItems: 'center' },
  failed: { gap: spacing.md, alignItems: 'stretch' },
  text: { textAlign: 'center' },
});

import { useEffect, useState, type ComponentType } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { spacing, useTheme } from '@/theme';

let loaded: ComponentType | null = null;
let loading: Promise<ComponentType> | null = null;

function load(): Promise<ComponentType> {
  loading ??= import('./session-screen').then(
    (module) => (loaded = module.SessionScreen),
    (error: unknown) => {
      loading = null; // let the next attempt fetch again
      throw error;
    },
  );
  return loading;
}

/** Starts fetching the session's code now (the pointer is on its way to the button). */
export function warmSessionScreen(): void {
  load().catch(() => {});
}

const SETTLE_MS = 1_500;

/**
 * Fetches the session's code once the page has loaded and settled, so it never competes
 * with the first screen yet is usually there before the tap. Returns a cancel function.
 */
export function preloadSessionScreenWhenIdle(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(warmSessionScreen, SETTLE_MS);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    clearTimeout(timer);
    window.removeEventListener('load', schedule);
  };
}

/**
 * Web: the session screen ships in its own chunk. It is loaded with plain state rather
 * than expo-router's async routes, whose Suspense boundary reveals a route at least
 * 300 ms (timer-driven) after it loads: a blank screen on the first tap, and a session
 * that never appears while a test holds the clock.
 */
export function SessionScreenLoader() {
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
            The session could not be loaded. Check your connection.
          </AppText>
          <Button label="Try again" onPress={() => setFailed(false)} />
        </View>
      ) : (
        <ActivityIndicator color={theme.primary} accessibilityLabel="Loading the session" />
      )}
    </Screen>
  );
}

const styles = StyleSheet.create({
  center: { justifyContent: 'center', alignItems: 'center' },
  failed: { gap: spacing.md, alignItems: 'stretch' },
  text: { textAlign: 'center' },
});

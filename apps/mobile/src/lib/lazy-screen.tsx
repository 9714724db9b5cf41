import { useEffect, useState, type ComponentType } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { spacing, useTheme } from '@/theme';

const SETTLE_MS = 1_500;

/**
 * Web only (the `.web` loaders use it; phones have every screen in their bundle): a screen
 * shipped in its own chunk, so the first screen loads without it. It is
 * loaded with plain state rather than expo-router's async routes, whose Suspense boundary
 * reveals a route at least 300 ms (timer-driven) after it loads: a blank screen on the
 * first tap, and a screen that never appears while a test holds the clock.
 */
export function createLazyScreen<P extends object>(
  importScreen: () => Promise<ComponentType<P>>,
  labels: { loading: string; failed: string },
) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;

  function load(): Promise<ComponentType<P>> {
    loading ??= importScreen().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // let the next attempt fetch again
        throw error;
      },
    );
    return loading;
  }

  /** Starts fetching the screen's code now (the pointer is on its way to the button). */
  function warm(): void {
    load().catch(() => {});
  }

  /**
   * Fetches the code once the page has loaded and settled, so it never competes with the
   * first screen yet is usually there before the tap. Returns a cancel function.
   */
  function preloadWhenIdle(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer = setTimeout(warm, SETTLE_MS);
    };
    if (document.readyState === 'complete') schedule();
    else window.addEventListener('load', schedule, { once: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('load', schedule);
    };
  }

  function Loader(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
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

    if (Loaded !== null) return <Loaded {...props} />;
    return (
      <Screen contentStyle={styles.center}>
        {failed ? (
          <View style={styles.failed}>
            <AppText style={styles.text}>{labels.failed}</AppText>
            <Button label="Try again" onPress={() => setFailed(false)} />
          </View>
        ) : (
          <ActivityIndicator color={theme.primary} accessibilityLabel={labels.loading} />
        )}
      </Screen>
    );
  }

  return { Loader, warm, preloadWhenIdle };
}

const styles = StyleSheet.create({
  center: { justifyContent: 'center', alignItems: 'center' },
  failed: { gap: spacing.md, alignItems: 'stretch' },
  text: { textAlign: 'center' },
});

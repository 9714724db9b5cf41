import type { PreferredTime } from '@exhale/core/coach';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import type { Profile, Storage } from '@/lib/storage';
import { spacing } from '@/theme';

/** "07:05" for a local time: the preferred-time format the reminders read. */
export function clockTimeOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function spokenTime(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

function usualTimeText(time: PreferredTime): string {
  switch (time.kind) {
    case 'morning':
      return 'See you tomorrow morning.';
    case 'bedtime':
      return 'See you tomorrow at bedtime.';
    case 'custom': {
      const [hours = 0, minutes = 0] = time.time.split(':').map(Number);
      const at = new Date(2000, 0, 1, hours, minutes);
      return `See you tomorrow at ${spokenTime(at)}.`;
    }
  }
}

type State = 'asking' | 'saving' | 'saved' | 'declined' | 'failed';

interface SameTimeTomorrowProps {
  storage: Storage | null;
  profile: Profile | null;
  /** When this session started: the time offered for tomorrow. */
  startedAt: Date;
}

/**
 * Invites the person back at the same time tomorrow. Saying yes stores that time as their
 * practice time when they have none yet (the daily reminder follows it); a time they chose
 * in the welcome chat is never overwritten here.
 */
export function SameTimeTomorrow({ storage, profile, startedAt }: SameTimeTomorrowProps) {
  const [state, setState] = useState<State>('asking');
  if (profile?.preferredTime) {
    return (
      <AppText tone="muted" style={styles.center} testID="same-time-tomorrow">
        {usualTimeText(profile.preferredTime)}
      </AppText>
    );
  }

  const confirm = () => {
    if (storage === null) return;
    setState('saving');
    (async () => {
      // Read afresh: settings may have changed the profile since this screen opened.
      const current = await storage.profile.get();
      if (current?.preferredTime) return;
      await storage.profile.save({
        name: current?.name ?? null,
        experience: current?.experience ?? null,
        goal: current?.goal ?? null,
        safety: current?.safety ?? null,
        onboardedAt: current?.onboardedAt ?? null,
        preferredTime: { kind: 'custom', time: clockTimeOf(startedAt) },
      });
    })().then(
      () => setState('saved'),
      (error: unknown) => {
        console.warn('Could not save the practice time', error);
        setState('failed');
      },
    );
  };

  return (
    <View style={styles.wrap} testID="same-time-tomorrow">
      <AppText variant="heading" accessibilityRole="header">
        Same time tomorrow?
      </AppText>
      {state === 'saved' ? (
        <AppText accessibilityLiveRegion="polite">
          Lovely. {spokenTime(startedAt)} it is: your practice time is saved on this device.
        </AppText>
      ) : state === 'declined' ? (
        <AppText tone="muted">No problem. Come back whenever suits you.</AppText>
      ) : (
        <>
          <AppText tone="muted">
            A few minutes at the same time each day is how the habit grows.
          </AppText>
          {state === 'failed' ? (
            <AppText variant="caption" accessibilityLiveRegion="polite">
              That time could not be saved on this device. Please try again.
            </AppText>
          ) : null}
          <View style={styles.buttons}>
            <Button
              testID="same-time-yes"
              label={`Yes, ${spokenTime(startedAt)}`}
              disabled={state === 'saving' || storage === null}
              onPress={confirm}
              style={styles.button}
            />
            <Button
              testID="same-time-no"
              label="Not now"
              variant="secondary"
              onPress={() => setState('declined')}
              style={styles.button}
            />
          </View>
        </>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { gap: spacing.sm },
  center: { textAlign: 'center' },
  buttons: { flexDirection: 'row', gap: spacing.sm, marginTop: spacing.xs },
  button: { flex: 1 },
});

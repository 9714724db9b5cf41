import { FIRST_BREATH, type SessionRecord } from '@exhale/core';
import { Redirect, useRouter } from 'expo-router';
import { useEffect, useMemo, useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { CoachMessageCard } from '@/features/coach/coach-message-card';
import { feedbackRequest, useCoachFeedback } from '@/features/coach/use-coach-feedback';
import { ProgressMoment } from '@/features/progress/progress-moment';
import { finishedSession, type FinishedSession } from '@/features/session/finished-session';
import { durationText } from '@/features/session/session-summary';
import { useReducedMotion } from '@/features/session/use-reduced-motion';
import { useStorage, type Profile, type SessionReflection } from '@/lib/storage';
import { radius, spacing, useTheme } from '@/theme';

import { CalmRating } from '../session/calm-rating';

import { PrivateNote } from './private-note';
import { SameTimeTomorrow } from './same-time-tomorrow';

type SaveState = 'saved' | 'failed' | 'retrying';

export function SessionCompleteScreen() {
  const [session] = useState(() => finishedSession.get());
  // Reached without a session (a reload, a typed URL): the history on the home screen
  // is where a finished session lives.
  if (session === null) return <Redirect href="/" />;
  return <SessionComplete session={session} />;
}

function useProfile(): Profile | null | undefined {
  const storage = useStorage();
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    if (storage === null) return;
    let current = true;
    storage.profile.get().then(
      (loaded) => current && setProfile(loaded),
      () => current && setProfile(null),
    );
    return () => {
      current = false;
    };
  }, [storage]);
  return profile;
}

function SessionComplete({ session }: { session: FinishedSession }) {
  const router = useRouter();
  const storage = useStorage();
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  const profile = useProfile();
  const [record, setRecord] = useState<SessionRecord | null>(session.record);
  const [saveState, setSaveState] = useState<SaveState>(session.saved ? 'saved' : 'failed');
  const [calmAfter, setCalmAfter] = useState<number | null>(null);
  // The feedback waits for the "after" rating (or its skip), so it can speak to it.
  const [rated, setRated] = useState(false);
  const completed = session.status === 'completed';
  const breaths = completed
    ? `${session.totalBreaths} breaths`
    : `${session.breathsCompleted} of ${session.totalBreaths} breaths`;
  const startedAt = useMemo(
    () => (record === null ? new Date() : new Date(record.startedAt)),
    [record],
  );

  const request = useMemo(
    () =>
      rated && profile !== undefined
        ? feedbackRequest(
            {
              status: session.status,
              patternId: record?.patternId ?? FIRST_BREATH.id,
              breathsCompleted: session.breathsCompleted,
              totalBreaths: session.totalBreaths,
              calmBefore: record?.calmBefore ?? null,
              startedAt,
            },
            calmAfter,
            profile,
          )
        : null,
    [rated, profile, session, record, calmAfter, startedAt],
  );
  const feedback = useCoachFeedback(request, profile?.name ?? null);

  /** Keeps a rating or note with the stored session (or with the one still to be saved). */
  const reflect = async (reflection: SessionReflection) => {
    if (record === null) throw new Error('There is no session to add this to.');
    if (storage === null || saveState !== 'saved') {
      setRecord(withReflection(record, reflection));
      return;
    }
    setRecord(await storage.sessions.saveReflection(record.id, reflection));
  };

  const rate = (rating: number) => {
    setCalmAfter(rating);
    setRated(true);
    reflect({ calmAfter: rating }).catch((error: unknown) =>
      console.warn('Could not save the calm rating', error),
    );
  };

  const retry = () => {
    if (storage === null || record === null) return;
    setSaveState('retrying');
    storage.sessions.add(record).then(
      () => setSaveState('saved'),
      () => setSaveState('failed'),
    );
  };

  const card = [styles.card, { backgroundColor: theme.surface, borderColor: theme.border }];
  return (
    <Screen scroll contentStyle={styles.content}>
      <View testID="session-complete" style={styles.hero}>
        <View style={[styles.badge, { backgroundColor: theme.breathGlow }]}>
          <View style={[styles.badgeCore, { backgroundColor: theme.breath }]} />
        </View>
        <AppText variant="display" style={styles.center} accessibilityRole="header">
          {completed ? 'Session complete' : 'Session ended early'}
        </AppText>
        <AppText
          variant="heading"
          tone="primary"
          style={styles.center}
          testID="session-complete-summary"
        >
          {durationText(session.activeMs)} · {breaths}
        </AppText>
        <AppText tone="muted" style={styles.center}>
          {completed
            ? 'You gave yourself three slow minutes. Notice how your body feels right now.'
            : 'Every slow breath counts. Come back whenever you are ready for the full three minutes.'}
        </AppText>
      </View>

      {/*
        PROGRESS MOMENT — the progress feature renders the badge and streak celebration
        here, e.g. <ProgressMoment session={record} />. Nothing else belongs in this slot.
      */}
      <ProgressMoment session={record} saved={saveState === 'saved'} />

      <View style={card} testID="calm-after">
        <AppText variant="heading" accessibilityRole="header">
          How calm do you feel now?
        </AppText>
        <CalmRating value={calmAfter} onChange={rate} testID="calm-after-rating" />
        {rated ? null : (
          <Button
            testID="calm-after-skip"
            label="Skip"
            variant="secondary"
            onPress={() => setRated(true)}
            style={styles.skip}
          />
        )}
      </View>

      {feedback === null ? null : (
        <CoachMessageCard
          text={feedback.text === '' ? null : feedback.text}
          reducedMotion={reducedMotion}
          testID="coach-feedback"
        />
      )}

      <View style={card}>
        <PrivateNote disabled={record === null} onSave={(note) => reflect({ note })} />
      </View>

      {profile === undefined ? null : (
        <View style={card}>
          <SameTimeTomorrow storage={storage} profile={profile} startedAt={startedAt} />
        </View>
      )}

      <View style={styles.footer}>
        {saveState === 'saved' ? (
          <AppText variant="caption" tone="muted" style={styles.center}>
            Saved to your history on this device.
          </AppText>
        ) : (
          <View
            style={[styles.notice, { backgroundColor: theme.surface, borderColor: theme.border }]}
          >
            <AppText variant="caption" accessibilityLiveRegion="polite" style={styles.center}>
              {saveState === 'retrying'
                ? 'Saving…'
                : 'This session could not be saved to your history.'}
            </AppText>
            {saveState === 'failed' && record !== null && storage !== null ? (
              <Button label="Try saving again" variant="secondary" onPress={retry} />
            ) : null}
          </View>
        )}
        <Button testID="back-home-button" label="Back home" onPress={() => router.dismissTo('/')} />
      </View>
    </Screen>
  );
}

/** The record with a reflection applied, as saveReflection would store it. */
function withReflection(record: SessionRecord, reflection: SessionReflection): SessionRecord {
  const next: SessionRecord = { ...record };
  for (const key of ['calmBefore', 'calmAfter', 'note'] as const) {
    const value = reflection[key];
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else (next as Record<typeof key, unknown>)[key] = value;
  }
  return next;
}

const styles = StyleSheet.create({
  content: { gap: spacing.lg },
  hero: { gap: spacing.md, paddingTop: spacing.lg },
  badge: {
    width: 96,
    height: 96,
    borderRadius: 48,
    alignItems: 'center',
    justifyContent: 'center',
    alignSelf: 'center',
    marginBottom: spacing.sm,
  },
  badgeCore: { width: 56, height: 56, borderRadius: 28 },
  center: { textAlign: 'center' },
  card: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.lg,
    gap: spacing.md,
  },
  skip: { alignSelf: 'center', minWidth: 140 },
  footer: { gap: spacing.md },
  notice: {
    borderWidth: StyleSheet.hairlineWidth * 2,
    borderRadius: radius.md,
    padding: spacing.md,
    gap: spacing.sm,
  },
});

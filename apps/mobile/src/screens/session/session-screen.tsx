import { FIRST_BREATH, planSession, type SessionState } from '@exhale/core';
import { useNavigation, useRouter } from 'expo-router';
import { useEffect, useRef, useState } from 'react';
import { StyleSheet, useWindowDimensions, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { Button } from '@/components/button';
import { Screen } from '@/components/screen';
import { analytics } from '@/features/analytics/analytics';
import { CheckInPrompt } from '@/features/guidance/check-in-prompt';
import { GuidancePanel } from '@/features/guidance/guidance-panel';
import { useGuidanceSettings } from '@/features/guidance/use-guidance-settings';
import { useSessionGuidance } from '@/features/guidance/use-session-guidance';
import { useSessionPlan } from '@/features/guidance/use-session-plan';
import { BreathCircle } from '@/features/session/breath-circle';
import type { BreathCircleHandle } from '@/features/session/breath-circle.types';
import { breathScale, MIN_SCALE, phaseLabel, REST_SCALE } from '@/features/session/breath-motion';
import { finishedSession } from '@/features/session/finished-session';
import { SessionKeepAwake } from '@/features/session/session-keep-awake';
import { SessionProgressRing } from '@/features/session/session-progress-ring';
import type { SessionProgressHandle } from '@/features/session/session-progress-ring.types';
import { useBreathingSession, type SessionOutcome } from '@/features/session/use-breathing-session';
import { useReducedMotion } from '@/features/session/use-reduced-motion';
import { useSessionRecorder } from '@/features/session/use-session-recorder';
import { radius, spacing, typography, useTheme } from '@/theme';

import { warmSessionCompleteScreen } from '../session-complete/session-complete-screen-loader';

import { CalmBefore } from './calm-before';

const PLAN = planSession(FIRST_BREATH);
const RING_STROKE = 6;
/**
 * With the guidance panel open, the stage holds the ring and, below it, the phase label
 * and the check-in (about this tall with their gaps); the ring gets what is left.
 */
const COMPACT_TEXT_HEIGHT = 150;
const COMPACT_MIN_RING = 120;
const NO_CHECK_INS = [] as const;

/**
 * First how calm the person feels (or a skip), then the session: its clock starts only
 * once the rating is out of the way.
 */
export function SessionScreen() {
  const [calmBefore, setCalmBefore] = useState<number | null | undefined>(undefined);
  if (calmBefore === undefined) {
    return <CalmBefore patternName={PLAN.pattern.name} onReady={setCalmBefore} />;
  }
  return <BreathingSession calmBefore={calmBefore} />;
}

function BreathingSession({ calmBefore }: { calmBefore: number | null }) {
  const router = useRouter();
  const navigation = useNavigation();
  const theme = useTheme();
  const { width, height } = useWindowDimensions();
  const reducedMotion = useReducedMotion();
  const recorder = useSessionRecorder(PLAN);
  const circle = useRef<BreathCircleHandle>(null);
  const ring = useRef<SessionProgressHandle>(null);
  const leaving = useRef(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const [stageHeight, setStageHeight] = useState<number | null>(null);
  const guidance = useGuidanceSettings();
  const guide = useSessionPlan({ patternId: PLAN.pattern.id, totalBreaths: PLAN.cycles });

  const onFrame = (state: SessionState) => {
    ring.current?.setProgress(state.elapsedMs / PLAN.totalMs);
    if (!reducedMotion) circle.current?.setScale(breathScale(state));
  };

  // The record is written before moving on, so nothing is lost if the app is closed on
  // the completion screen.
  const onFinish = (outcome: SessionOutcome) => {
    const saving = recorder.record(outcome, calmBefore);
    if (leaving.current) return;
    void saving.then(({ saved, record }) => {
      if (leaving.current) return;
      const { state } = outcome;
      finishedSession.set({
        status: state.done ? 'completed' : 'partial',
        activeMs: state.elapsedMs,
        breathsCompleted: state.breathsCompleted,
        totalBreaths: state.totalBreaths,
        record,
        saved,
      });
      router.replace('/session-complete');
    });
  };

  const { view, pause, resume, end } = useBreathingSession({ plan: PLAN, onFrame, onFinish });
  const { checkIn } = useSessionGuidance({
    view,
    checkIns: guide?.checkIns ?? NO_CHECK_INS,
    settings: guidance.settings,
    ready: guidance.loaded,
  });

  useEffect(() => {
    if (reducedMotion) circle.current?.setScale(REST_SCALE);
  }, [reducedMotion]);

  // The clock starts as this view mounts (after the calm rating).
  useEffect(() => {
    analytics.track({ name: 'session_started', properties: { pattern_id: PLAN.pattern.id } });
  }, []);

  // The completion screen's code arrives while the person breathes, not after.
  useEffect(warmSessionCompleteScreen, []);

  // Leaving mid-session (system back, browser back) keeps what was breathed, as End does,
  // but stays gone: no completion screen.
  useEffect(
    () =>
      navigation.addListener('beforeRemove', () => {
        leaving.current = true;
        end();
      }),
    [navigation, end],
  );

  const paused = view.status === 'paused';
  const finished = view.status === 'finished';
  const fullRing = Math.max(220, Math.min(width - spacing.lg * 2, height * 0.46, 360));
  // The circle makes room for the panel (in the stage's measured height) rather than being
  // covered by it; the paused pill gives up its reserved line meanwhile.
  const compact = panelOpen && !finished;
  const ringSize = Math.round(
    compact && stageHeight !== null
      ? Math.max(COMPACT_MIN_RING, Math.min(fullRing, stageHeight - COMPACT_TEXT_HEIGHT))
      : fullRing,
  );
  const circleSize = ringSize - (RING_STROKE + spacing.md) * 2;

  return (
    <Screen contentStyle={styles.content}>
      {finished ? null : <SessionKeepAwake />}
      <View style={styles.header}>
        <AppText variant="label" tone="muted">
          {PLAN.pattern.name}
        </AppText>
        <AppText variant="label" testID="breath-counter">
          Breath {view.breath} of {view.totalBreaths}
        </AppText>
      </View>

      <View
        style={[styles.stage, compact && styles.stageCompact]}
        onLayout={(event) => setStageHeight(event.nativeEvent.layout.height)}
      >
        <View style={{ width: ringSize, height: ringSize }}>
          <View style={styles.centered}>
            <SessionProgressRing
              ref={ring}
              size={ringSize}
              strokeWidth={RING_STROKE}
              color={theme.primary}
              trackColor={theme.track}
              accessibilityLabel="Session progress"
            />
          </View>
          <View style={styles.centered}>
            <BreathCircle
              ref={circle}
              size={circleSize}
              color={theme.breath}
              glowColor={theme.breathGlow}
              initialScale={reducedMotion ? REST_SCALE : MIN_SCALE}
            />
          </View>
          <View style={styles.centered}>
            <AppText
              testID="phase-seconds"
              style={[styles.seconds, { color: theme.onBreath }]}
              accessibilityLabel={`${view.phaseSeconds} seconds left in this phase`}
            >
              {view.phaseSeconds}
            </AppText>
          </View>
        </View>

        <AppText
          variant="display"
          testID="phase-label"
          accessibilityRole="header"
          accessibilityLiveRegion="polite"
          style={[styles.phase, compact && styles.phaseCompact]}
        >
          {phaseLabel(view.phase)}
        </AppText>
        <View style={compact && !paused ? null : styles.pausedSlot}>
          {paused ? (
            <View style={[styles.pausedPill, { backgroundColor: theme.surfaceMuted }]}>
              <AppText variant="label" tone="primary" testID="paused-indicator">
                Paused
              </AppText>
            </View>
          ) : null}
        </View>
        <View style={styles.checkInSlot}>
          <CheckInPrompt text={checkIn} reducedMotion={reducedMotion} />
        </View>
      </View>

      {compact ? (
        <GuidancePanel
          settings={guidance.settings}
          change={guidance.change}
          onClose={() => setPanelOpen(false)}
        />
      ) : null}

      <View style={styles.controls}>
        {finished ? null : (
          <Button
            testID="guidance-button"
            label="Sound"
            variant={panelOpen ? 'primary' : 'secondary'}
            accessibilityLabel="Sound and guidance settings"
            accessibilityState={{ expanded: panelOpen }}
            onPress={() => setPanelOpen((open) => !open)}
            style={styles.control}
          />
        )}
        {finished ? (
          <AppText tone="muted" style={styles.saving} accessibilityLiveRegion="polite">
            Saving your session…
          </AppText>
        ) : paused ? (
          <Button
            testID="resume-button"
            label="Resume"
            accessibilityLabel="Resume session"
            onPress={resume}
            style={styles.control}
          />
        ) : (
          <Button
            testID="pause-button"
            label="Pause"
            variant="secondary"
            accessibilityLabel="Pause session"
            onPress={pause}
            style={styles.control}
          />
        )}
        {finished ? null : (
          <Button
            testID="end-button"
            label="End"
            variant="secondary"
            accessibilityLabel="End session early"
            onPress={end}
            style={styles.control}
          />
        )}
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { justifyContent: 'space-between', paddingVertical: spacing.lg },
  header: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' },
  stage: { flex: 1, alignItems: 'center', justifyContent: 'center', gap: spacing.md },
  stageCompact: { gap: spacing.sm, overflow: 'hidden', marginBottom: spacing.sm },
  centered: {
    ...StyleSheet.absoluteFill,
    alignItems: 'center',
    justifyContent: 'center',
  },
  seconds: { ...typography.display, fontSize: 44, lineHeight: 52, fontVariant: ['tabular-nums'] },
  phase: { textAlign: 'center', marginTop: spacing.md },
  phaseCompact: { marginTop: 0 },
  pausedPill: {
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.xs,
    borderRadius: radius.pill,
  },
  pausedSlot: { minHeight: 32, alignItems: 'center', justifyContent: 'center' },
  // Room for three lines of a check-in, kept when there is none so nothing jumps.
  checkInSlot: { minHeight: 76, alignSelf: 'stretch', alignItems: 'center' },
  controls: { flexDirection: 'row', gap: spacing.sm + 4, marginTop: spacing.md },
  control: { flex: 1 },
  saving: { flex: 1, textAlign: 'center', paddingVertical: spacing.md },
});

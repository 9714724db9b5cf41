import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from '@/components/app-text';
import { radius, spacing, typography, useTheme } from '@/theme';

import { stepVolume, VOICE_RATES, type GuidanceSettings } from './guidance-settings';
import { SOUNDSCAPE_KINDS, SOUNDSCAPE_LABELS } from './soundscapes';
import type { UseGuidanceSettings } from './use-guidance-settings';

const SHORT_LABELS = { ocean: 'Ocean', rain: 'Rain', drone: 'Drone', silence: 'Silence' };

interface ChipProps {
  label: string;
  accessibilityLabel?: string;
  selected: boolean;
  disabled?: boolean;
  onPress: () => void;
  testID?: string;
}

function Chip({ label, accessibilityLabel, selected, disabled, onPress, testID }: ChipProps) {
  const theme = useTheme();
  return (
    <Pressable
      testID={testID}
      accessibilityRole="radio"
      accessibilityLabel={accessibilityLabel ?? label}
      accessibilityState={{ checked: selected, disabled: !!disabled }}
      disabled={disabled}
      onPress={onPress}
      style={({ pressed }) => [
        styles.chip,
        {
          backgroundColor: selected ? theme.primary : pressed ? theme.surfaceMuted : theme.surface,
          borderColor: selected ? theme.primary : theme.border,
        },
        disabled && styles.disabled,
      ]}
    >
      <AppText
        variant="label"
        numberOfLines={1}
        style={{ color: selected ? theme.onPrimary : theme.text }}
      >
        {label}
      </AppText>
    </Pressable>
  );
}

interface ToggleRowProps {
  label: string;
  value: boolean;
  onChange: (value: boolean) => void;
  testID: string;
}

/** The whole row is the switch: a big target, one announcement ("Voice cues, switch, on"). */
function ToggleRow({ label, value, onChange, testID }: ToggleRowProps) {
  const theme = useTheme();
  return (
    <Pressable
      testID={testID}
      accessibilityRole="switch"
      accessibilityLabel={label}
      accessibilityState={{ checked: value }}
      onPress={() => onChange(!value)}
      style={styles.row}
    >
      <AppText variant="label" style={styles.rowLabel}>
        {label}
      </AppText>
      <View
        style={[styles.track, { backgroundColor: value ? theme.primary : theme.track }]}
        accessibilityElementsHidden
        importantForAccessibility="no-hide-descendants"
      >
        <View
          style={[
            styles.thumb,
            { backgroundColor: theme.surface, alignSelf: value ? 'flex-end' : 'flex-start' },
          ]}
        />
      </View>
    </Pressable>
  );
}

function StepButton(props: {
  label: string;
  accessibilityLabel: string;
  disabled: boolean;
  onPress: () => void;
  testID: string;
}) {
  const theme = useTheme();
  return (
    <Pressable
      testID={props.testID}
      accessibilityRole="button"
      accessibilityLabel={props.accessibilityLabel}
      accessibilityState={{ disabled: props.disabled }}
      disabled={props.disabled}
      onPress={props.onPress}
      style={({ pressed }) => [
        styles.step,
        {
          borderColor: theme.border,
          backgroundColor: pressed ? theme.surfaceMuted : theme.surface,
        },
        props.disabled && styles.disabled,
      ]}
    >
      <AppText style={styles.stepLabel}>{props.label}</AppText>
    </Pressable>
  );
}

export interface GuidancePanelProps {
  settings: GuidanceSettings;
  change: UseGuidanceSettings['change'];
  onClose: () => void;
}

/**
 * The session's sound and guidance choices, in one small panel that can be opened while
 * breathing. Every change applies at once and is remembered on the device.
 */
export function GuidancePanel({ settings, change, onClose }: GuidancePanelProps) {
  const theme = useTheme();
  const percent = Math.round(settings.volume * 100);
  const silent = settings.soundscape === 'silence';

  return (
    <View
      testID="guidance-panel"
      style={[styles.panel, { backgroundColor: theme.surface, borderColor: theme.border }]}
    >
      <View style={styles.header}>
        <AppText variant="heading" accessibilityRole="header">
          Sound and guidance
        </AppText>
        <Pressable
          testID="guidance-done"
          accessibilityRole="button"
          accessibilityLabel="Close sound and guidance"
          onPress={onClose}
          hitSlop={12}
          style={styles.done}
        >
          <AppText variant="label" tone="primary">
            Done
          </AppText>
        </Pressable>
      </View>

      <View accessibilityRole="radiogroup" accessibilityLabel="Soundscape" style={styles.chips}>
        {SOUNDSCAPE_KINDS.map((kind) => (
          <Chip
            key={kind}
            testID={`soundscape-${kind}`}
            label={SHORT_LABELS[kind]}
            accessibilityLabel={SOUNDSCAPE_LABELS[kind]}
            selected={settings.soundscape === kind}
            onPress={() => change('soundscape', kind)}
          />
        ))}
      </View>

      <View
        style={styles.row}
        accessibilityRole="adjustable"
        accessibilityLabel="Soundscape volume"
        accessibilityValue={{ min: 0, max: 100, now: percent, text: `${percent}%` }}
        accessibilityActions={[{ name: 'increment' }, { name: 'decrement' }]}
        onAccessibilityAction={({ nativeEvent }) =>
          change(
            'volume',
            stepVolume(settings.volume, nativeEvent.actionName === 'increment' ? 1 : -1),
          )
        }
      >
        <AppText variant="label" style={[styles.rowLabel, silent && styles.disabled]}>
          Volume
        </AppText>
        <View style={styles.stepper}>
          <StepButton
            testID="volume-down"
            label="−"
            accessibilityLabel="Softer"
            disabled={silent || settings.volume <= 0}
            onPress={() => change('volume', stepVolume(settings.volume, -1))}
          />
          <AppText
            testID="volume-value"
            variant="label"
            style={[styles.volume, silent && styles.disabled]}
          >
            {percent}%
          </AppText>
          <StepButton
            testID="volume-up"
            label="+"
            accessibilityLabel="Louder"
            disabled={silent || settings.volume >= 1}
            onPress={() => change('volume', stepVolume(settings.volume, 1))}
          />
        </View>
      </View>

      <ToggleRow
        testID="voice-toggle"
        label="Voice cues"
        value={settings.voice}
        onChange={(value) => change('voice', value)}
      />
      <View accessibilityRole="radiogroup" accessibilityLabel="Voice pace" style={styles.chips}>
        {VOICE_RATES.map(({ rate, label }) => (
          <Chip
            key={label}
            testID={`voice-rate-${label.toLowerCase()}`}
            label={label}
            accessibilityLabel={`${label} voice`}
            selected={settings.voiceRate === rate}
            disabled={!settings.voice}
            onPress={() => change('voiceRate', rate)}
          />
        ))}
      </View>

      <ToggleRow
        testID="haptics-toggle"
        label="Haptic tick at each phase"
        value={settings.haptics}
        onChange={(value) => change('haptics', value)}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  panel: {
    borderRadius: radius.lg,
    borderWidth: StyleSheet.hairlineWidth * 2,
    padding: spacing.md,
    paddingTop: spacing.sm,
    gap: spacing.sm,
  },
  header: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' },
  done: { minHeight: 44, minWidth: 44, alignItems: 'flex-end', justifyContent: 'center' },
  // One row of equal segments: four fit a 320-point-wide phone.
  chips: { flexDirection: 'row', gap: spacing.sm - 2 },
  chip: {
    flex: 1,
    minHeight: 40,
    paddingHorizontal: spacing.xs,
    borderRadius: radius.pill,
    borderWidth: StyleSheet.hairlineWidth * 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  row: {
    minHeight: 44,
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: spacing.md,
  },
  rowLabel: { flexShrink: 1 },
  track: { width: 48, height: 28, borderRadius: 14, padding: 3, justifyContent: 'center' },
  thumb: { width: 22, height: 22, borderRadius: 11 },
  stepper: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  step: {
    width: 44,
    height: 44,
    borderRadius: 22,
    borderWidth: StyleSheet.hairlineWidth * 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  stepLabel: { ...typography.heading, lineHeight: 24 },
  volume: { minWidth: 48, textAlign: 'center', fontVariant: ['tabular-nums'] },
  disabled: { opacity: 0.45 },
});

import type { CalendarDay, CalendarDayActivity, MonthCalendar } from '@exhale/core/progress';
import { Pressable, StyleSheet, View } from 'react-native';
import Svg, { Rect, Text as SvgText } from 'react-native-svg';

import { AppText } from '@/components/app-text';
import { chartFontFamily } from '@/features/progress/chart-font';
import { dayText, monthText, plural } from '@/features/progress/format';
import { radius, spacing, useTheme, type Palette } from '@/theme';

import { SectionCard } from './section-card';
import { useWidth } from './use-width';

const WEEKDAYS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];
const GAP = 6;
const LABEL_HEIGHT = 22;

/** Four steps, so a glance tells a light day from a full one. */
function shade(day: CalendarDayActivity, theme: Palette): { fill: string; text: string } {
  if (day.sessions === 0) return { fill: theme.surfaceMuted, text: theme.textMuted };
  if (!day.practised || day.minutes < 3) return { fill: theme.breathGlow, text: theme.onBreath };
  if (day.minutes < 9) return { fill: theme.breath, text: theme.onBreath };
  return { fill: theme.primary, text: theme.onPrimary };
}

export function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (index - 1) + by;
  const nextYear = Math.floor(total / 12);
  const nextMonth = total - nextYear * 12 + 1;
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}`;
}

/**
 * A month laid out Monday first, one cell per local day shaded by minutes practised. Drawn
 * with react-native-svg directly: a calendar grid is not a chart, and doing the layout here
 * keeps days as the zone-free calendar days core computed (no Date, no device offset).
 */
export function MonthHeatmap({
  calendar,
  today,
  onMonthChange,
}: {
  calendar: MonthCalendar;
  today: CalendarDay;
  onMonthChange: (month: string) => void;
}) {
  const theme = useTheme();
  const [width, onLayout] = useWidth();
  const cell = width > 0 ? Math.min(56, (width - GAP * 6) / 7) : 0;
  const gridWidth = cell * 7 + GAP * 6;
  const offset = calendar.firstWeekday - 1;
  const rows = Math.ceil((offset + calendar.days.length) / 7);
  const height = LABEL_HEIGHT + rows * (cell + GAP);
  const practisedDays = calendar.days.filter((day) => day.practised).length;
  const minutes = calendar.days.reduce((sum, day) => sum + day.minutes, 0);
  const isCurrentMonth = today.startsWith(calendar.month);

  return (
    <SectionCard
      title="Calendar"
      caption={`${monthText(calendar.month)}: ${plural(practisedDays, 'day')} practised, ${plural(minutes, 'minute')}`}
      testID="month-heatmap"
    >
      <View style={styles.nav}>
        <MonthButton
          label="‹"
          accessibilityLabel="Previous month"
          onPress={() => onMonthChange(shiftMonth(calendar.month, -1))}
        />
        <AppText variant="label" testID="heatmap-month">
          {monthText(calendar.month)}
        </AppText>
        <MonthButton
          label="›"
          accessibilityLabel="Next month"
          disabled={isCurrentMonth}
          onPress={() => onMonthChange(shiftMonth(calendar.month, 1))}
        />
      </View>
      <View onLayout={onLayout} style={styles.gridHost}>
        {cell > 0 ? (
          <Svg
            width={gridWidth}
            height={height}
            accessibilityLabel={`Calendar of ${monthText(calendar.month)}`}
          >
            {WEEKDAYS.map((label, index) => (
              <SvgText
                key={`${label}-${index}`}
                x={index * (cell + GAP) + cell / 2}
                y={14}
                fontSize={12}
                fontFamily={chartFontFamily}
                fill={theme.textMuted}
                textAnchor="middle"
              >
                {label}
              </SvgText>
            ))}
            {calendar.days.map((day, index) => {
              const position = offset + index;
              const x = (position % 7) * (cell + GAP);
              const y = LABEL_HEIGHT + Math.floor(position / 7) * (cell + GAP);
              const colours = shade(day, theme);
              const isToday = day.day === today;
              return (
                <Rect
                  key={day.day}
                  x={x + (isToday ? 1 : 0)}
                  y={y + (isToday ? 1 : 0)}
                  width={cell - (isToday ? 2 : 0)}
                  height={cell - (isToday ? 2 : 0)}
                  rx={cell * 0.28}
                  fill={colours.fill}
                  stroke={isToday ? theme.text : 'none'}
                  strokeWidth={isToday ? 2 : 0}
                />
              );
            })}
            {calendar.days.map((day, index) => {
              const position = offset + index;
              const x = (position % 7) * (cell + GAP);
              const y = LABEL_HEIGHT + Math.floor(position / 7) * (cell + GAP);
              return (
                <SvgText
                  key={`n-${day.day}`}
                  x={x + cell / 2}
                  y={y + cell / 2 + 4}
                  fontSize={Math.max(10, Math.min(13, cell * 0.32))}
                  fontFamily={chartFontFamily}
                  fill={shade(day, theme).text}
                  textAnchor="middle"
                >
                  {Number(day.day.slice(8))}
                </SvgText>
              );
            })}
          </Svg>
        ) : null}
      </View>
      <View style={styles.legend} accessibilityElementsHidden importantForAccessibility="no">
        <AppText variant="caption" tone="muted">
          Less
        </AppText>
        {[theme.surfaceMuted, theme.breathGlow, theme.breath, theme.primary].map((colour) => (
          <View key={colour} style={[styles.swatch, { backgroundColor: colour }]} />
        ))}
        <AppText variant="caption" tone="muted">
          More
        </AppText>
      </View>
      <View accessible accessibilityLabel={listText(calendar)} />
    </SectionCard>
  );
}

// Screen readers get the practised days as a sentence; the grid itself is visual.
function listText(calendar: MonthCalendar): string {
  const days = calendar.days.filter((day) => day.sessions > 0);
  if (days.length === 0) return `No sessions in ${monthText(calendar.month)}.`;
  return days.map((day) => `${dayText(day.day)}: ${plural(day.minutes, 'minute')}`).join('. ');
}

function MonthButton({
  label,
  accessibilityLabel,
  onPress,
  disabled,
}: {
  label: string;
  accessibilityLabel: string;
  onPress: () => void;
  disabled?: boolean;
}) {
  const theme = useTheme();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel}
      accessibilityState={{ disabled: !!disabled }}
      disabled={disabled}
      onPress={onPress}
      hitSlop={8}
      style={({ pressed }) => [
        styles.monthButton,
        {
          borderColor: theme.border,
          backgroundColor: pressed ? theme.surfaceMuted : theme.surface,
        },
        disabled && styles.disabled,
      ]}
    >
      <AppText variant="heading" tone="primary">
        {label}
      </AppText>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  nav: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
  gridHost: { alignItems: 'center' },
  legend: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs, alignSelf: 'flex-end' },
  swatch: { width: 14, height: 14, borderRadius: 4 },
  monthButton: {
    width: 40,
    height: 40,
    borderRadius: radius.pill,
    borderWidth: StyleSheet.hairlineWidth * 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  disabled: { opacity: 0.35 },
});

import type { CalmTrend } from '@exhale/core/progress';
import { StyleSheet, View } from 'react-native';
import { LineChart } from 'react-native-chart-kit/v2';

import { AppText } from '@/components/app-text';
import { chartFontFamily } from '@/features/progress/chart-font';
import { CALM_TREND_POINTS } from '@/features/progress/load-progress';
import { shortDayText } from '@/features/progress/format';
import { spacing, useTheme } from '@/theme';

import { SectionCard } from './section-card';
import { useWidth } from './use-width';

// Points are placed by position: several rated sessions can share a day's label.
type Row = { index: number; label: string; before: number; after: number };

function oneDecimal(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

export function CalmTrendCard({ calm }: { calm: CalmTrend }) {
  const theme = useTheme();
  const [width, onLayout] = useWidth();
  const points = calm.points.slice(-CALM_TREND_POINTS);
  const data: Row[] = points.map((point, index) => ({
    index,
    label: shortDayText(point.day),
    before: Number(point.rollingBefore.toFixed(2)),
    after: Number(point.rollingAfter.toFixed(2)),
  }));
  const caption =
    calm.averageBefore === null
      ? 'Rate how calm you feel before and after a session to see your trend here.'
      : `On average ${oneDecimal(calm.averageBefore)} before and ${oneDecimal(calm.averageAfter)} after, out of 5`;

  return (
    <SectionCard title="Calm before and after" caption={caption} testID="calm-trend">
      {data.length >= 2 ? (
        <View
          onLayout={onLayout}
          accessible
          accessibilityLabel={`Calm trend over your last ${data.length} rated sessions. ${caption}.`}
        >
          {width > 0 ? (
            <LineChart
              data={data}
              xKey="index"
              series={[
                { yKey: 'before', label: 'Before', color: theme.textMuted, strokeWidth: 2 },
                { yKey: 'after', label: 'After', color: theme.primary, strokeWidth: 3 },
              ]}
              width={width}
              height={180}
              yDomain={[1, 5]}
              curve="monotone"
              showDots={data.length <= 12}
              interaction="none"
              tooltip={false}
              legend={false}
              theme={{
                background: theme.surface,
                plotBackground: theme.surface,
                grid: theme.track,
                axis: theme.border,
                text: theme.textMuted,
                mutedText: theme.textMuted,
                ...(chartFontFamily ? { typography: { fontFamily: chartFontFamily } } : {}),
              }}
              formatYLabel={(value) => `${Math.round(value)}`}
              formatXLabel={(_value, index) => data[index]?.label ?? ''}
            />
          ) : null}
          <View style={styles.legend}>
            <Key colour={theme.textMuted} label="Before" />
            <Key colour={theme.primary} label="After" />
          </View>
        </View>
      ) : data.length === 1 ? (
        <AppText tone="muted">
          One rated session so far. The line appears after the next one.
        </AppText>
      ) : null}
    </SectionCard>
  );
}

function Key({ colour, label }: { colour: string; label: string }) {
  return (
    <View style={styles.key}>
      <View style={[styles.swatch, { backgroundColor: colour }]} />
      <AppText variant="caption" tone="muted">
        {label}
      </AppText>
    </View>
  );
}

const styles = StyleSheet.create({
  legend: { flexDirection: 'row', gap: spacing.md, justifyContent: 'center' },
  key: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  swatch: { width: 14, height: 4, borderRadius: 2 },
});

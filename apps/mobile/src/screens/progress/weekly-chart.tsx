import type { WeekActivity } from '@exhale/core/progress';
import { View } from 'react-native';
import { BarChart } from 'react-native-chart-kit/v2';

import { AppText } from '@/components/app-text';
import { chartFontFamily } from '@/features/progress/chart-font';
import { plural, shortDayText } from '@/features/progress/format';
import { useTheme } from '@/theme';

import { SectionCard } from './section-card';
import { useWidth } from './use-width';

type Row = { week: string; minutes: number };

export function WeeklyChart({ weekly }: { weekly: WeekActivity[] }) {
  const theme = useTheme();
  const [width, onLayout] = useWidth();
  const data: Row[] = weekly.map((week) => ({
    week: shortDayText(week.weekStart),
    minutes: week.minutes,
  }));
  const thisWeek = weekly[weekly.length - 1];
  const highest = Math.max(...data.map((row) => row.minutes), 0);
  const summary = data.map((row) => `week of ${row.week}: ${row.minutes} minutes`).join('; ');
  return (
    <SectionCard
      title="Minutes each week"
      caption={`This week: ${plural(thisWeek?.minutes ?? 0, 'minute')} over ${plural(thisWeek?.sessions ?? 0, 'session')}`}
      testID="weekly-chart"
    >
      <View onLayout={onLayout} accessible accessibilityLabel={`Minutes each week. ${summary}`}>
        {width > 0 ? (
          <BarChart
            data={data}
            xKey="week"
            yKey="minutes"
            width={width}
            height={180}
            barRadius={6}
            barWidthRatio={0.55}
            yDomain={[0, Math.max(10, highest)]}
            yTickCount={3}
            interaction="none"
            tooltip={false}
            theme={{
              background: theme.surface,
              plotBackground: theme.surface,
              grid: theme.track,
              axis: theme.border,
              text: theme.textMuted,
              mutedText: theme.textMuted,
              ...(chartFontFamily ? { typography: { fontFamily: chartFontFamily } } : {}),
              series: [theme.breath],
            }}
            formatYLabel={(value) => `${Math.round(value)}`}
          />
        ) : (
          <AppText tone="muted">…</AppText>
        )}
      </View>
    </SectionCard>
  );
}

/**
 * The report screen's ECharts options, built here (no Vue, no ECharts import) so their layout is checked by unit
 * tests: the bar chart's legend has its own row above the plot, and every pie slice is labelled.
 */

/** Height reserved for the legend row; the plot starts below it so the legend never covers the axis. */
export const CHART_LEGEND_HEIGHT = 24;

export interface BarSeries {
  name: string;
  data: number[];
}

export function barChartOption(periods: string[], series: BarSeries[]) {
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0, left: 'center' as const, height: CHART_LEGEND_HEIGHT, type: 'scroll' as const },
    // containLabel keeps the axis labels inside the box; top leaves the legend row and the y axis's top label apart.
    grid: { left: 8, right: 16, top: CHART_LEGEND_HEIGHT + 20, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: periods },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.data })),
  };
}

/** Share of vehicles per plate province (fractions): every slice labelled outside with its share, legend below. */
export function pieChartOption(share: Readonly<Record<string, number>>) {
  return {
    tooltip: { trigger: 'item' as const, formatter: '{b}: {d}%' },
    legend: { bottom: 0, left: 'center' as const, type: 'scroll' as const },
    series: [
      {
        type: 'pie' as const,
        // A smaller pie leaves room around it for the outside labels; centre raised above the legend row.
        radius: '50%',
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        // ECharts hides labels of thin slices by default; a small province's share is what the officer looks for.
        minShowLabelAngle: 0,
        label: { show: true, position: 'outside' as const, formatter: '{b} {d}%' },
        labelLine: { show: true, length: 8, length2: 8 },
        labelLayout: { hideOverlap: false },
        data: Object.entries(share).map(([name, value]) => ({ name, value })),
      },
    ],
  };
}

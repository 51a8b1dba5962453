// Apache ECharts, only the parts the page uses (tree-shaken). Canvas text does not wait for web
// fonts the way DOM text does: every chart first loads the Noto Sans SC subsets its labels need,
// so Chinese never draws as missing-glyph boxes.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const FONT_FAMILY = '"Noto Sans SC", sans-serif';
export const PALETTE = ['#1d6fdc', '#e0663a', '#2aa876', '#8a5cd1', '#d4a017', '#c0392b', '#17a2b8', '#6c7a89'];

const charts = new Set<echarts.ECharts>();
let resizeHooked = false;

/** Loads the font's subsets for these texts (both weights the charts use). */
export async function ensureGlyphs(texts: string[]): Promise<void> {
  const text = [...new Set(texts.join(''))].join('');
  if (!text || !document.fonts) return;
  await Promise.all([document.fonts.load(`400 12px ${FONT_FAMILY}`, text), document.fonts.load(`700 12px ${FONT_FAMILY}`, text)]).catch(() => undefined);
}

/** Every string in an option (labels, names, categories), for {@link ensureGlyphs}. */
function textsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) textsOf(v, out);
  return out;
}

/** Draws (or redraws) a chart in the element, once the glyphs it needs are loaded. */
export async function drawChart(el: HTMLElement, option: echarts.EChartsCoreOption): Promise<void> {
  await ensureGlyphs(textsOf(option));
  let chart = echarts.getInstanceByDom(el);
  if (!chart) {
    chart = echarts.init(el, null, { renderer: 'canvas' });
    charts.add(chart);
  }
  chart.setOption({ textStyle: text(), color: PALETTE, animation: false, ...option }, { notMerge: true });
  if (!resizeHooked) {
    resizeHooked = true;
    window.addEventListener('resize', () => {
      for (const c of charts) if (!c.isDisposed()) c.resize();
    });
  }
}

/** Disposes the charts inside an element that is about to be replaced. */
export function disposeCharts(root: Element): void {
  for (const c of [...charts]) {
    if (c.isDisposed() || root.contains(c.getDom())) {
      if (!c.isDisposed()) c.dispose();
      charts.delete(c);
    }
  }
}

/** Chart text: the page's font, sized after the page's root size (larger on a large screen). */
function text(): { fontFamily: string; fontSize: number } {
  return { fontFamily: FONT_FAMILY, fontSize: Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.86) };
}

export function lineOption(categories: string[], series: { name: string; data: (number | null)[] }[], percent: boolean): echarts.EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'axis' as const,
      textStyle: text(),
      valueFormatter: (v: unknown) => (typeof v === 'number' ? (percent ? `${(v * 100).toFixed(1)}%` : String(v)) : '—'),
    },
    legend: { type: 'scroll', top: 0, textStyle: text() },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: categories, axisLabel: text() },
    yAxis: {
      type: 'value',
      minInterval: percent ? undefined : 1,
      max: percent ? 1 : undefined,
      splitNumber: percent ? 2 : undefined,
      axisLabel: { ...text(), formatter: percent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
    },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, smooth: false, connectNulls: false, symbolSize: 5 })),
  };
}

export function groupedBarOption(categories: string[], series: { name: string; data: number[] }[]): echarts.EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', textStyle: text() },
    legend: { top: 0, textStyle: text() },
    grid: { left: 40, right: 12, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: categories, axisLabel: { ...text(), interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: text() },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 18 })),
  };
}

export function pieOption(items: { name: string; value: number }[]): echarts.EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', textStyle: text() },
    series: [
      {
        type: 'pie',
        radius: ['38%', '68%'],
        center: ['50%', '54%'],
        data: items,
        label: { ...text(), formatter: '{b} {c}' },
        labelLine: { length: 6, length2: 6 },
      },
    ],
  };
}

export function horizontalBarOption(names: string[], values: (number | null)[], percent: boolean): echarts.EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', textStyle: text(), axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, max: percent ? 1 : undefined },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { ...text(), interval: 0 } },
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 16,
        label: {
          show: true,
          position: 'right',
          ...text(),
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? (percent ? `${(p.value * 100).toFixed(1)}%` : String(p.value)) : '—'),
        },
      },
    ],
  };
}

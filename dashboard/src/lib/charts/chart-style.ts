import { formatNumberId } from '../format.ts';

/** Text on charts: 14.7:1 on white. */
export const TEXT_COLOUR = '#1f2937';
export const GRID_COLOUR = '#d1d5db';

/** Axis tick in Indonesian digits ("1.234"); category labels pass through. */
export function tickLabel(value: string | number): string {
  return typeof value === 'number' ? formatNumberId(value) : value;
}

/** Splits a title into lines of at most `width` characters, so it fits a 390px wide phone. */
export function wrapTitle(title: string, width = 34): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Options every dashboard chart shares: it fills the height its box gives it, draws at once, in Indonesian. */
export const BASE_CHART_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  locale: 'id-ID',
  color: TEXT_COLOUR,
} as const;

/** The chart's title plugin: the title lines, in dark text. */
export function chartTitle(lines: string[]) {
  return { display: true, text: lines, color: TEXT_COLOUR, font: { size: 15 } };
}

/** The legend below the chart. */
export const BOTTOM_LEGEND = { position: 'bottom', labels: { color: TEXT_COLOUR } } as const;

/** An axis title in dark text. */
export function axisTitle(text: string) {
  return { display: true, text, color: TEXT_COLOUR };
}

/** An axis of categories (agencies, areas, quarters): titled, dark labels, no grid lines. */
export function categoryAxis(title: string) {
  return { title: axisTitle(title), ticks: { color: TEXT_COLOUR }, grid: { display: false } };
}

/** One series of bars, with a white outline between stacked segments. */
export function barDataset(label: string, data: number[], colour: string, maxBarThickness: number) {
  return { label, data, backgroundColor: colour, borderColor: '#ffffff', borderWidth: 1, maxBarThickness };
}

interface TooltipValue {
  dataset: { label?: string | undefined };
  parsed: { x?: number | null; y?: number | null };
}

/** Tooltip text of a bar or point: "Didanai: Rp 45.000.000", with the value on `axis` in `format`. */
export function valueTooltip(format: (value: number) => string, axis: 'x' | 'y') {
  return (item: TooltipValue): string => `${item.dataset.label ?? ''}: ${format(item.parsed[axis] ?? 0)}`;
}

/** Everything but the axes: the shared options, the title above, the legend below, the tooltip's text. */
export function chartOptions<Label>(titleLines: string[], label: Label) {
  return {
    ...BASE_CHART_OPTIONS,
    plugins: { title: chartTitle(titleLines), legend: BOTTOM_LEGEND, tooltip: { callbacks: { label } } },
  };
}

/** An axis of values from zero, with grid lines; `ticks` adds to the dark tick labels (format, limits). */
export function valueAxis<Ticks extends object>(title: string, ticks: Ticks) {
  return {
    beginAtZero: true,
    title: axisTitle(title),
    ticks: { color: TEXT_COLOUR, ...ticks },
    grid: { color: GRID_COLOUR },
  };
}

import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import {
  agencyBudgetChartHeight,
  buildAgencyBudgetChartConfig,
  buildComparisonChartConfig,
  comparisonChartHeight,
  describeAgencyBudget,
} from './allocation-chart.ts';
import type { AgencyBudgetBar } from './allocation-chart.ts';

const ROWS: AgencyBudgetBar[] = [
  { label: 'Dinsos', ceiling: null, reserved: 0, funded: 4_920_000, unfunded: 0 },
  { label: 'Disperkim', ceiling: 45_000_000, reserved: 10_000_000, funded: 30_000_000, unfunded: 50_000_000 },
];

type Scale = {
  stacked?: boolean;
  title?: { text?: string };
  ticks?: { callback?: (v: number | string) => unknown };
};

describe('buildAgencyBudgetChartConfig', () => {
  const config = buildAgencyBudgetChartConfig(ROWS, 'Alokasi per perangkat daerah terhadap pagu');
  const options = config.options ?? {};
  const x = options.scales?.['x'] as Scale;
  const y = options.scales?.['y'] as Scale;

  it('stacks reserved, funded and unfunded beside the ceiling, per agency', () => {
    expect(config.type).toBe('bar');
    expect(options.indexAxis).toBe('y');
    expect(config.data.labels).toEqual(['Dinsos', 'Disperkim']);
    expect(
      config.data.datasets.map((dataset) => [
        dataset.label,
        dataset.data,
        (dataset as { stack?: string }).stack,
      ]),
    ).toEqual([
      ['Dicadangkan', [0, 10_000_000], 'rencana'],
      ['Didanai', [4_920_000, 30_000_000], 'rencana'],
      ['Tidak terdanai', [0, 50_000_000], 'rencana'],
      ['Pagu', [0, 45_000_000], 'pagu'],
    ]);
    expect(x.stacked).toBe(true);
  });

  it('has a title, axis titles and rupiah ticks', () => {
    expect([options.plugins?.title?.text].flat().join(' ')).toBe(
      'Alokasi per perangkat daerah terhadap pagu',
    );
    expect(x.title?.text).toBe('Rupiah');
    expect(y.title?.text).toBe('Perangkat daerah');
    expect(x.ticks?.callback?.(45_000_000)).toBe('Rp 45 jt');
  });

  it('says "tanpa pagu" for an agency without a ceiling', () => {
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (
      item: TooltipItem<'bar'>,
    ) => string;
    const item = (dataIndex: number, dataset: string, value: number) =>
      ({
        dataIndex,
        dataset: { label: dataset },
        parsed: { x: value, y: dataIndex },
      }) as unknown as TooltipItem<'bar'>;
    expect(label(item(0, 'Pagu', 0))).toBe('Pagu: tanpa pagu');
    expect(label(item(1, 'Pagu', 45_000_000))).toBe('Pagu: Rp 45.000.000');
    expect(label(item(0, 'Didanai', 4_920_000))).toBe('Didanai: Rp 4.920.000');
  });

  it('leaves out reserved and ceiling bars when no agency has them', () => {
    const plain = buildAgencyBudgetChartConfig([{ ...ROWS[0], label: 'Dinsos' } as AgencyBudgetBar], 'x');
    expect(plain.data.datasets.map((dataset) => dataset.label)).toEqual(['Didanai', 'Tidak terdanai']);
  });

  it('sizes the chart by agencies and bars per agency', () => {
    expect(agencyBudgetChartHeight(ROWS)).toBe(292);
    expect(agencyBudgetChartHeight(ROWS.slice(0, 1))).toBe(230);
  });

  it('describes the chart in words', () => {
    expect(describeAgencyBudget(ROWS, 'Alokasi #3')).toBe(
      'Grafik batang: Alokasi #3. Didanai terbesar: Disperkim Rp 30.000.000; Dinsos Rp 4.920.000. ' +
        '1 perangkat daerah punya kebutuhan melebihi pagu. Angkanya ada di tabel di bawah grafik.',
    );
    expect(describeAgencyBudget([], 'Kosong')).toBe(
      'Grafik batang: Kosong. Belum ada yang didanai. Angkanya ada di tabel di bawah grafik.',
    );
  });
});

describe('buildComparisonChartConfig', () => {
  it('puts two results side by side (not stacked)', () => {
    const rows = [{ label: 'Disperkim', before: 30, after: 45 }];
    const config = buildComparisonChartConfig(rows, { before: '#3', after: '#5' }, 'Banding');
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['#3', [30]],
      ['#5', [45]],
    ]);
    expect((config.options?.scales?.['x'] as Scale).stacked).toBe(false);
    expect(comparisonChartHeight(rows)).toBe(246);
  });
});

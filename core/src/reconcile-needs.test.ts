import { describe, it, expect } from 'vitest';
import { reconcileNeeds } from './reconcile-needs.ts';
import type { NeedChanges } from './reconcile-needs.ts';
import type { DetectedNeed, ExistingNeed, NeedStatus } from './types.ts';

const stored = (
  id: number,
  indicator: string,
  status: NeedStatus,
  quantity = 1,
  no_longer_detected = false,
): ExistingNeed => ({
  id,
  indicator,
  status,
  quantity,
  no_longer_detected,
});
const found = (indicator: string, quantity = 1): DetectedNeed => ({
  indicator,
  quantity,
  sub_kegiatan: null,
  category: 'rumah',
});

type Row = [
  name: string,
  existing: ExistingNeed[],
  detected: DetectedNeed[],
  create: string[],
  update: Array<{ id: number; changes: NeedChanges }>,
];

describe('reconcileNeeds', () => {
  it.each<Row>([
    ['nothing stored, nothing detected', [], [], [], []],
    ['a new detection is created open', [], [found('sanitasi')], ['sanitasi'], []],
    ['detected again, unchanged: no change', [stored(1, 'sanitasi', 'open')], [found('sanitasi')], [], []],
    [
      'open, no longer detected: resolved',
      [stored(1, 'sanitasi', 'open')],
      [],
      [],
      [{ id: 1, changes: { status: 'resolved' } }],
    ],
    [
      'resolved, detected again: reopened',
      [stored(1, 'sanitasi', 'resolved')],
      [found('sanitasi')],
      [],
      [{ id: 1, changes: { status: 'open' } }],
    ],
    ['resolved, still not detected: nothing', [stored(1, 'sanitasi', 'resolved')], [], [], []],
    [
      'dismissed, detected again: stays dismissed',
      [stored(1, 'sanitasi', 'dismissed')],
      [found('sanitasi')],
      [],
      [],
    ],
    ['dismissed, not detected: stays dismissed', [stored(1, 'sanitasi', 'dismissed')], [], [], []],
    [
      'planned, no longer detected: keeps status, flagged',
      [stored(1, 'rtlh', 'planned')],
      [],
      [],
      [{ id: 1, changes: { no_longer_detected: true } }],
    ],
    [
      'addressed, no longer detected: keeps status, flagged',
      [stored(1, 'rtlh', 'addressed')],
      [],
      [],
      [{ id: 1, changes: { no_longer_detected: true } }],
    ],
    [
      'planned, already flagged, still not detected: nothing',
      [stored(1, 'rtlh', 'planned', 1, true)],
      [],
      [],
      [],
    ],
    [
      'planned and flagged, detected again: flag cleared, status kept',
      [stored(1, 'rtlh', 'planned', 1, true)],
      [found('rtlh')],
      [],
      [{ id: 1, changes: { no_longer_detected: false } }],
    ],
    [
      'addressed and flagged, detected again: flag cleared',
      [stored(1, 'rtlh', 'addressed', 1, true)],
      [found('rtlh')],
      [],
      [{ id: 1, changes: { no_longer_detected: false } }],
    ],
    [
      'quantity change on an open need',
      [stored(1, 'sekolah', 'open', 2)],
      [found('sekolah', 3)],
      [],
      [{ id: 1, changes: { quantity: 3 } }],
    ],
    [
      'quantity change on a planned need keeps its status',
      [stored(1, 'sekolah', 'planned', 2)],
      [found('sekolah', 1)],
      [],
      [{ id: 1, changes: { quantity: 1 } }],
    ],
    [
      'quantity change on a dismissed need',
      [stored(1, 'sekolah', 'dismissed', 2)],
      [found('sekolah', 4)],
      [],
      [{ id: 1, changes: { quantity: 4 } }],
    ],
    [
      'reopened with a new quantity',
      [stored(1, 'sekolah', 'resolved', 2)],
      [found('sekolah', 5)],
      [],
      [{ id: 1, changes: { status: 'open', quantity: 5 } }],
    ],
    [
      'mixed household',
      [
        stored(1, 'sanitasi', 'open'),
        stored(2, 'rtlh', 'planned'),
        stored(3, 'air', 'resolved'),
        stored(4, 'listrik', 'dismissed'),
      ],
      [found('air'), found('pangan'), found('listrik', 2)],
      ['pangan'],
      [
        { id: 1, changes: { status: 'resolved' } },
        { id: 2, changes: { no_longer_detected: true } },
        { id: 3, changes: { status: 'open' } },
        { id: 4, changes: { quantity: 2 } },
      ],
    ],
    [
      'a detection listed twice is created once',
      [],
      [found('sanitasi', 1), found('sanitasi', 3)],
      ['sanitasi'],
      [],
    ],
    [
      'duplicate stored needs: the one holding an intervention is matched, the open one resolved',
      [stored(1, 'sanitasi', 'open'), stored(2, 'sanitasi', 'planned')],
      [found('sanitasi')],
      [],
      [{ id: 1, changes: { status: 'resolved' } }],
    ],
    [
      'duplicate stored needs: the open one is matched before a resolved one',
      [stored(1, 'sanitasi', 'resolved'), stored(2, 'sanitasi', 'open')],
      [found('sanitasi')],
      [],
      [],
    ],
  ])('%s', (_name, existing, detected, create, update) => {
    const result = reconcileNeeds(existing, detected);
    expect(result.create.map((need) => need.indicator)).toEqual(create);
    expect(result.update).toEqual(update);
  });

  it('a created need carries the detection, open and not flagged', () => {
    const result = reconcileNeeds(
      [],
      [{ ...found('sanitasi', 2), sub_kegiatan: '1.03.05.2.01.0039', survey: 9 }],
    );
    expect(result.create).toEqual([
      {
        indicator: 'sanitasi',
        quantity: 2,
        sub_kegiatan: '1.03.05.2.01.0039',
        category: 'rumah',
        survey: 9,
        status: 'open',
        no_longer_detected: false,
      },
    ]);
  });

  it('a changed sub_kegiatan or category of the rule is carried to the stored need', () => {
    const existing = [
      { ...stored(1, 'sanitasi', 'open'), sub_kegiatan: 'old', category: 'rumah', survey: '7' },
    ];
    const detected = [
      { indicator: 'sanitasi', quantity: 1, sub_kegiatan: 'new', category: 'rumah', survey: 7 },
    ];
    expect(reconcileNeeds(existing, detected).update).toEqual([{ id: 1, changes: { sub_kegiatan: 'new' } }]);
  });

  it('fields the stored need does not have are not written', () => {
    const detected = [{ indicator: 'sanitasi', quantity: 1, sub_kegiatan: 'x', category: 'y' }];
    expect(reconcileNeeds([stored(1, 'sanitasi', 'open')], detected).update).toEqual([]);
  });
});

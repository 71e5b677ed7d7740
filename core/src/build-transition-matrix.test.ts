import { describe, it, expect } from 'vitest';
import { buildTransitionMatrix } from './build-transition-matrix.ts';
import type { ClassifiedSurvey } from './build-transition-matrix.ts';
import type { Classification, SurveyStatus } from './types.ts';

let nextId = 1;
function survey(
  household: number,
  round: number,
  classification: Classification | null,
  status: SurveyStatus = 'verified',
  surveyed_at: string | null = null,
): ClassifiedSurvey {
  return { id: nextId++, household, round, classification, status, surveyed_at };
}

const SURVEYS: ClassifiedSurvey[] = [
  // intervened: 1 improves two classes, 2 improves one, 3 stays
  survey(1, 2025, 'ekstrem'),
  survey(1, 2027, 'tidak_miskin'),
  survey(2, 2025, 'ekstrem'),
  survey(2, 2027, 'miskin'),
  survey(3, 2025, 'miskin'),
  survey(3, 2027, 'miskin'),
  // not intervened: 4 stays, 5 worsens, 6 improves (latest survey of the round counts)
  survey(4, 2025, 'ekstrem'),
  survey(4, 2027, 'ekstrem'),
  survey(5, 2025, 'tidak_miskin'),
  survey(5, 2027, 'miskin'),
  survey(6, 2025, 'miskin'),
  survey(6, 2027, 'miskin', 'verified', '2027-02-01'),
  survey(6, 2027, 'tidak_miskin', 'submitted', '2027-03-01'),
  // excluded
  survey(7, 2025, 'ekstrem'), // no second round
  survey(8, 2025, 'ekstrem'),
  survey(8, 2027, 'tidak_miskin', 'returned'), // a returned survey does not count
  survey(9, 2025, 'unclassified'),
  survey(9, 2027, 'miskin'),
  survey(10, 2026, 'ekstrem'), // a round not compared
  survey(10, 2027, 'ekstrem'),
];

describe('buildTransitionMatrix', () => {
  const matrix = buildTransitionMatrix({
    surveys: SURVEYS,
    from_round: 2025,
    to_round: 2027,
    intervened: new Set([1, 2, 3, 7]),
  });
  const [intervened, others] = matrix.groups;

  it.each([
    ['intervened', intervened, [3, 2, 1, 0, 66.7]],
    ['not intervened', others, [3, 1, 1, 1, 33.3]],
  ])('%s: households, improved, unchanged, worsened, share improved', (_name, group, figures) => {
    expect([group.households, group.improved, group.unchanged, group.worsened, group.improved_pct]).toEqual(
      figures,
    );
  });

  it.each([
    ['intervened', 0, { ekstrem: 0, miskin: 1, tidak_miskin: 1 }],
    ['intervened', 1, { ekstrem: 0, miskin: 1, tidak_miskin: 0 }],
    ['not_intervened', 0, { ekstrem: 1, miskin: 0, tidak_miskin: 0 }],
    ['not_intervened', 1, { ekstrem: 0, miskin: 0, tidak_miskin: 1 }],
    ['not_intervened', 2, { ekstrem: 0, miskin: 1, tidak_miskin: 0 }],
  ] as const)('%s row %i', (key, fromIndex, row) => {
    const group = matrix.groups.find((g) => g.key === key);
    const from = matrix.classes[fromIndex];
    expect(group && from && group.cells[from]).toEqual(row);
  });

  it('counts what it leaves out', () => {
    expect(matrix.excluded).toEqual({ missing_round: 3, unclassified: 1 });
    expect(matrix.classes).toEqual(['ekstrem', 'miskin', 'tidak_miskin']);
  });

  it('has no share without households', () => {
    const empty = buildTransitionMatrix({
      surveys: [],
      from_round: 2025,
      to_round: 2027,
      intervened: new Set(),
    });
    expect(empty.groups.map((g) => [g.households, g.improved_pct])).toEqual([
      [0, null],
      [0, null],
    ]);
  });
});

import { pickCountedSurvey } from './pick-counted-survey.ts';
import type { SurveyRef } from './pick-counted-survey.ts';
import type { Classification, PovertyClass } from './types.ts';

export type ClassifiedSurvey = SurveyRef & {
  household: number;
  classification: Classification | null;
};

export type TransitionGroupKey = 'intervened' | 'not_intervened';

export type TransitionGroup = {
  key: TransitionGroupKey;
  /** households classified in both rounds */
  households: number;
  /** cells[from][to]: households classified `from` in the first round and `to` in the second */
  cells: Record<PovertyClass, Record<PovertyClass, number>>;
  /** moved to a better class (ekstrem -> miskin or tidak_miskin, miskin -> tidak_miskin) */
  improved: number;
  unchanged: number;
  worsened: number;
  /** improved / households in percent, one decimal; null without households */
  improved_pct: number | null;
};

export type TransitionMatrix = {
  from_round: number;
  to_round: number;
  classes: readonly PovertyClass[];
  groups: [TransitionGroup, TransitionGroup];
  /** households left out: no counted survey in one of the rounds, or unclassified in one of them */
  excluded: { missing_round: number; unclassified: number };
};

export const TRANSITION_CLASSES: readonly PovertyClass[] = ['ekstrem', 'miskin', 'tidak_miskin'];
const RANK: Record<PovertyClass, number> = { ekstrem: 0, miskin: 1, tidak_miskin: 2 };

function emptyGroup(key: TransitionGroupKey): TransitionGroup {
  const row = (): Record<PovertyClass, number> => ({ ekstrem: 0, miskin: 0, tidak_miskin: 0 });
  return {
    key,
    households: 0,
    cells: { ekstrem: row(), miskin: row(), tidak_miskin: row() },
    improved: 0,
    unchanged: 0,
    worsened: 0,
    improved_pct: null,
  };
}

const isClass = (value: Classification | null): value is PovertyClass =>
  value === 'ekstrem' || value === 'miskin' || value === 'tidak_miskin';

/**
 * Outcome of two survey rounds (DESIGN "Monitoring"): how households moved between ekstrem, miskin
 * and tidak_miskin from `from_round` to `to_round`, split into households that received an
 * intervention (`intervened`, ids given by the caller) and those that did not.
 * A household's class in a round is that of its counted survey of the round (pickCountedSurvey:
 * submitted or verified, latest within the round); households without a counted survey in either
 * round, or unclassified in either, are counted in `excluded` and left out of the matrix.
 */
export function buildTransitionMatrix(input: {
  surveys: readonly ClassifiedSurvey[];
  from_round: number;
  to_round: number;
  intervened: ReadonlySet<number>;
}): TransitionMatrix {
  const byHousehold = new Map<number, ClassifiedSurvey[]>();
  for (const survey of input.surveys) {
    if (survey.round !== input.from_round && survey.round !== input.to_round) continue;
    const list = byHousehold.get(survey.household);
    if (list === undefined) byHousehold.set(survey.household, [survey]);
    else list.push(survey);
  }
  const intervened = emptyGroup('intervened');
  const others = emptyGroup('not_intervened');
  const excluded = { missing_round: 0, unclassified: 0 };
  for (const household of [...byHousehold.keys()].sort((a, b) => a - b)) {
    const surveys = byHousehold.get(household) ?? [];
    const first = pickCountedSurvey(surveys.filter((s) => s.round === input.from_round));
    const second = pickCountedSurvey(surveys.filter((s) => s.round === input.to_round));
    if (first === null || second === null) {
      excluded.missing_round += 1;
      continue;
    }
    const from = first.classification;
    const to = second.classification;
    if (!isClass(from) || !isClass(to)) {
      excluded.unclassified += 1;
      continue;
    }
    const group = input.intervened.has(household) ? intervened : others;
    group.households += 1;
    group.cells[from][to] += 1;
    if (RANK[to] > RANK[from]) group.improved += 1;
    else if (RANK[to] < RANK[from]) group.worsened += 1;
    else group.unchanged += 1;
  }
  for (const group of [intervened, others]) {
    group.improved_pct =
      group.households > 0 ? Math.round((group.improved / group.households) * 1000) / 10 : null;
  }
  return {
    from_round: input.from_round,
    to_round: input.to_round,
    classes: TRANSITION_CLASSES,
    groups: [intervened, others],
    excluded,
  };
}

import type { UnfundedIntervention } from './allocation-types.ts';

/**
 * The unfunded items of a stored run (`allocation_runs.unfunded`): the table allocateBudget makes when
 * asked to tabulate them (`unfunded_table`),
 * or the list of objects that runs recorded before it. Anything else (null, a damaged table) is an
 * empty list, never a guess.
 */
export function readUnfundedTable(stored: unknown): UnfundedIntervention[] {
  const value = typeof stored === 'string' ? parse(stored) : stored;
  if (Array.isArray(value)) return value.filter(isItem);
  if (!isRecord(value) || !Array.isArray(value['sub_kegiatan']) || !isRecord(value['items'])) return [];
  const subs = value['sub_kegiatan'] as unknown[];
  const { household, need, sub_kegiatan: index, cost } = value['items'];
  if (!Array.isArray(household) || !Array.isArray(need) || !Array.isArray(index) || !Array.isArray(cost))
    return [];
  const count = household.length;
  if (need.length !== count || index.length !== count || cost.length !== count) return [];
  const items: UnfundedIntervention[] = [];
  for (let i = 0; i < count; i++) {
    const sub = subs[index[i] as number];
    if (!isRecord(sub)) return [];
    const item = {
      household: household[i],
      need: need[i],
      sub_kegiatan: sub['code'],
      perangkat_daerah: sub['perangkat_daerah'],
      cost: cost[i],
    };
    if (!isItem(item)) return [];
    items.push(item);
  }
  return items;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isItem(value: unknown): value is UnfundedIntervention {
  return (
    isRecord(value) &&
    typeof value['household'] === 'number' &&
    typeof value['need'] === 'number' &&
    typeof value['sub_kegiatan'] === 'string' &&
    typeof value['perangkat_daerah'] === 'string' &&
    typeof value['cost'] === 'number'
  );
}

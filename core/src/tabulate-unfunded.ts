import type { UnfundedIntervention, UnfundedTable } from './allocation-types.ts';

/**
 * The unfunded list as a run stores it: one array per field, and each sub-kegiatan (with its agency)
 * once. A usual run leaves ~200,000 items unfunded: 22 MB of JSON as objects, under 5 MB like this.
 * Same items, same order (readUnfundedTable gives them back).
 */
export function tabulateUnfunded(items: readonly UnfundedIntervention[]): UnfundedTable {
  const table: UnfundedTable = {
    sub_kegiatan: [],
    items: { household: [], need: [], sub_kegiatan: [], cost: [] },
  };
  const indexOf = new Map<string, Map<string, number>>();
  for (const item of items) {
    let byAgency = indexOf.get(item.sub_kegiatan);
    if (byAgency === undefined) indexOf.set(item.sub_kegiatan, (byAgency = new Map()));
    let index = byAgency.get(item.perangkat_daerah);
    if (index === undefined) {
      index = table.sub_kegiatan.length;
      byAgency.set(item.perangkat_daerah, index);
      table.sub_kegiatan.push({ code: item.sub_kegiatan, perangkat_daerah: item.perangkat_daerah });
    }
    table.items.household.push(item.household);
    table.items.need.push(item.need);
    table.items.sub_kegiatan.push(index);
    table.items.cost.push(item.cost);
  }
  return table;
}

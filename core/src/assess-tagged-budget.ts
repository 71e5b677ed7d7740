import type {
  EffectivenessReport,
  NeedsOfSubKegiatan,
  ServedBySubKegiatan,
  TaggedBudgetRow,
  TaggedSubKegiatan,
} from './allocation-types.ts';

export type AssessTaggedBudgetInput = {
  fiscal_year: number;
  tagged: readonly TaggedBudgetRow[];
  catalogue: readonly { code: string; name: string; perangkat_daerah: string }[];
  /** active rules per sub-kegiatan code */
  rules: ReadonlyMap<string, number>;
  needs: readonly NeedsOfSubKegiatan[];
  served: readonly ServedBySubKegiatan[];
  /** distinct households served by interventions of the year under any tagged sub-kegiatan */
  served_overall: { households: number; ekstrem_households: number };
};

/**
 * How well the tagged budget of a year (what SIPD marked for extreme-poverty eradication) meets
 * verified needs (DESIGN "Effectiveness"). Per tagged sub-kegiatan (rows of the same code are
 * added up): whether it serves verified needs, how many households have such needs and how many
 * this year's interventions serve, the cost per extreme-poor household served (tagged rupiah /
 * extreme-poor households served, rounded down), and the tagged rupiah linked to verified needs (all
 * of it when the sub-kegiatan serves verified needs, else none). Sorted by tagged rupiah, largest
 * first, then code.
 */
export function assessTaggedBudget(input: AssessTaggedBudgetInput): EffectivenessReport {
  const catalogue = new Map(input.catalogue.map((sub) => [sub.code, sub]));
  const needs = new Map(input.needs.map((row) => [row.sub_kegiatan, row]));
  const served = new Map(input.served.map((row) => [row.sub_kegiatan, row]));

  const tagged = new Map<string, { amount: number; name: string | null; agency: string | null }>();
  for (const row of input.tagged) {
    const entry = tagged.get(row.sub_kegiatan_code) ?? { amount: 0, name: null, agency: null };
    entry.amount += Math.round(row.amount);
    entry.name ??= row.name;
    entry.agency ??= row.perangkat_daerah;
    tagged.set(row.sub_kegiatan_code, entry);
  }

  const rows: TaggedSubKegiatan[] = [...tagged].map(([code, entry]) => {
    const sub = catalogue.get(code);
    const need = needs.get(code);
    const serve = served.get(code);
    const verifiedNeeds = need?.needs ?? 0;
    const ekstremServed = serve?.ekstrem_households ?? 0;
    return {
      sub_kegiatan: code,
      name: sub?.name ?? entry.name ?? '',
      perangkat_daerah: entry.agency ?? sub?.perangkat_daerah ?? null,
      tagged_amount: entry.amount,
      in_catalogue: sub !== undefined,
      linked_rules: input.rules.get(code) ?? 0,
      serves_verified_needs: verifiedNeeds > 0,
      verified_needs: verifiedNeeds,
      households_with_needs: need?.households ?? 0,
      households_served: serve?.households ?? 0,
      ekstrem_households_served: ekstremServed,
      planned_cost: serve?.planned_cost ?? 0,
      cost_per_ekstrem_household: ekstremServed > 0 ? Math.floor(entry.amount / ekstremServed) : null,
      linked_amount: verifiedNeeds > 0 ? entry.amount : 0,
    };
  });
  rows.sort((a, b) => b.tagged_amount - a.tagged_amount || (a.sub_kegiatan < b.sub_kegiatan ? -1 : 1));

  const taggedAmount = rows.reduce((total, row) => total + row.tagged_amount, 0);
  const linkedAmount = rows.reduce((total, row) => total + row.linked_amount, 0);
  const ekstrem = input.served_overall.ekstrem_households;

  const untagged = input.needs
    .filter((row) => row.needs > 0 && !tagged.has(row.sub_kegiatan) && catalogue.has(row.sub_kegiatan))
    .map((row) => {
      const sub = catalogue.get(row.sub_kegiatan) as { name: string; perangkat_daerah: string };
      return {
        sub_kegiatan: row.sub_kegiatan,
        name: sub.name,
        perangkat_daerah: sub.perangkat_daerah,
        verified_needs: row.needs,
        households: row.households,
      };
    })
    .sort((a, b) => b.households - a.households || (a.sub_kegiatan < b.sub_kegiatan ? -1 : 1));

  return {
    fiscal_year: input.fiscal_year,
    totals: {
      tagged_amount: taggedAmount,
      linked_amount: linkedAmount,
      share_linked: taggedAmount > 0 ? Math.round((linkedAmount / taggedAmount) * 10_000) / 10_000 : null,
      sub_kegiatan_tagged: rows.length,
      sub_kegiatan_serving_needs: rows.filter((row) => row.serves_verified_needs).length,
      households_served: input.served_overall.households,
      ekstrem_households_served: ekstrem,
      cost_per_ekstrem_household: ekstrem > 0 ? Math.floor(taggedAmount / ekstrem) : null,
    },
    sub_kegiatan: rows,
    untagged_with_needs: untagged,
  };
}

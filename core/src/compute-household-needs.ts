import { evaluateIndicator } from './evaluate-indicator.ts';
import type { Classification, DetectedNeed, Facts, Indicator } from './types.ts';

export type HouseholdNeeds = {
  needs: DetectedNeed[];
  /** one line per rule that has a problem (Bahasa Indonesia), for the administrator */
  warnings: string[];
};

/**
 * Runs every active need rule over one household's facts (counted survey answers merged with
 * derived metrics) and returns the needs detected, in the order of the rules, one per rule.
 * Several rules may point to the same sub_kegiatan: they stay separate needs here (allocation
 * gives the household one intervention per sub_kegiatan). Inactive rules are skipped entirely.
 */
export function computeHouseholdNeeds(input: {
  indicators: readonly Indicator[];
  facts: Facts;
  classification: Classification | null;
}): HouseholdNeeds {
  const needs: DetectedNeed[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const indicator of input.indicators) {
    if (indicator.active !== true || seen.has(indicator.key)) continue;
    seen.add(indicator.key);
    const result = evaluateIndicator(indicator, input.facts, input.classification);
    if (result.warning !== undefined) warnings.push(result.warning);
    if (!result.fired) continue;
    needs.push({
      indicator: indicator.key,
      quantity: result.quantity,
      sub_kegiatan: indicator.sub_kegiatan ?? null,
      category: indicator.category,
    });
  }
  return { needs, warnings };
}

import type { Classification, Indicator } from './types.ts';

/**
 * Whether moving a household from one classification to another can change its needs when its
 * answers stay the same: rules read the classification only through applies_to (an empty or
 * missing list applies to every class), so the needs change only if some active rule applies to
 * one class and not the other. A poverty-line change that moves households from miskin to ekstrem
 * thus re-runs no rule when every rule applies to both.
 */
export function changeAffectsNeeds(
  indicators: readonly Pick<Indicator, 'active' | 'applies_to'>[],
  before: Classification | null,
  after: Classification | null,
): boolean {
  if (before === after) return false;
  for (const indicator of indicators) {
    if (indicator.active !== true) continue;
    if (applies(indicator.applies_to, before) !== applies(indicator.applies_to, after)) return true;
  }
  return false;
}

function applies(
  appliesTo: readonly Classification[] | null | undefined,
  classification: Classification | null,
): boolean {
  if (appliesTo === null || appliesTo === undefined || appliesTo.length === 0) return true;
  return classification !== null && appliesTo.includes(classification);
}

import type { InterventionStatus } from './allocation-types.ts';
import type { NeedStatus } from './types.ts';

export type NeedStatusChange = { from: readonly NeedStatus[]; to: NeedStatus };

const HOLDING: ReadonlySet<InterventionStatus> = new Set(['planned', 'budgeted', 'in_progress']);

/**
 * How the needs an intervention serves follow a change of its status (DESIGN "Data model":
 * addressed = its intervention completed). The needs are those of the intervention's household
 * linked to its sub-kegiatan (an allocation gives a household one intervention per sub-kegiatan,
 * holding all of them). Only needs in `from` change; dismissed and resolved ones never do.
 * - becomes completed: open and planned needs become addressed;
 * - leaves completed for planned/budgeted/in_progress: addressed needs go back to planned;
 * - becomes cancelled: addressed and planned needs return to open (fundable again);
 * - anything else: null (nothing to change).
 */
export function planNeedStatusChange(
  before: InterventionStatus,
  after: InterventionStatus,
): NeedStatusChange | null {
  if (before === after) return null;
  if (after === 'completed') return { from: ['open', 'planned'], to: 'addressed' };
  if (after === 'cancelled') return { from: ['addressed', 'planned'], to: 'open' };
  if (before === 'completed' && HOLDING.has(after)) return { from: ['addressed'], to: 'planned' };
  return null;
}

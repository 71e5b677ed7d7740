import type { AllocationNeed, AllocationNeedTable } from './allocation-types.ts';

/** Needs as one array per field (allocateBudget reads them so; the adapter reads them so from SQL). */
export function tabulateNeeds(needs: readonly AllocationNeed[] | AllocationNeedTable): AllocationNeedTable {
  if (!Array.isArray(needs)) return needs as AllocationNeedTable;
  const list = needs as readonly AllocationNeed[];
  return {
    id: list.map((need) => need.id),
    household: list.map((need) => need.household),
    indicator: list.map((need) => need.indicator),
    sub_kegiatan: list.map((need) => need.sub_kegiatan),
    quantity: list.map((need) => need.quantity),
    status: list.map((need) => need.status),
  };
}

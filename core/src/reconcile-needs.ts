import type { ExistingNeed, NeedStatus } from './types.ts';

export type NeedChanges = {
  status?: NeedStatus;
  quantity?: number;
  no_longer_detected?: boolean;
  /** other fields the detection carries (sub_kegiatan, category, survey, ...) when they differ */
  [field: string]: unknown;
};

export type NeedReconciliation<D> = {
  create: Array<D & { status: 'open'; no_longer_detected: false }>;
  update: Array<{ id: number; changes: NeedChanges }>;
};

/** which stored need of an indicator is the real one when there are several (holds an intervention first) */
const RANK: Record<NeedStatus, number> = { addressed: 0, planned: 1, open: 2, dismissed: 3, resolved: 4 };

/**
 * Opens and closes a household's needs to match what its counted survey now shows
 * (DESIGN "needs"). Needs are matched by indicator.
 * - detected, not stored: create it `open`;
 * - detected and stored: `resolved` reopens to `open`; open, planned, addressed and dismissed keep
 *   their status; no_longer_detected is cleared; a changed quantity (or any other field the
 *   detection carries that the stored need also has, e.g. sub_kegiatan or category) is updated;
 * - stored, no longer detected: `open` becomes `resolved`; `planned` and `addressed` keep their
 *   status and get no_longer_detected = true; dismissed and resolved stay as they are.
 * Only real changes are returned. If an indicator has several stored needs, the one holding an
 * intervention (addressed, planned), else open, dismissed, resolved, then the lowest id, is matched;
 * the others are treated as no longer detected. A detection listed twice counts once (first wins).
 */
export function reconcileNeeds<D extends { indicator: string; quantity: number }>(
  existing: readonly ExistingNeed[],
  detected: readonly D[],
): NeedReconciliation<D> {
  const detections = new Map<string, D>();
  for (const need of detected) if (!detections.has(need.indicator)) detections.set(need.indicator, need);

  const ordered = [...existing].sort((a, b) => RANK[a.status] - RANK[b.status] || a.id - b.id);
  const matched = new Map<string, ExistingNeed>();
  for (const need of ordered) if (!matched.has(need.indicator)) matched.set(need.indicator, need);

  const create: NeedReconciliation<D>['create'] = [];
  const update: NeedReconciliation<D>['update'] = [];

  for (const [indicator, detection] of detections) {
    if (!matched.has(indicator)) create.push({ ...detection, status: 'open', no_longer_detected: false });
  }

  for (const need of [...existing].sort((a, b) => a.id - b.id)) {
    const detection = matched.get(need.indicator) === need ? detections.get(need.indicator) : undefined;
    const changes: NeedChanges = detection === undefined ? disappeared(need) : stillDetected(need, detection);
    if (Object.keys(changes).length > 0) update.push({ id: need.id, changes });
  }

  return { create, update };
}

function stillDetected(need: ExistingNeed, detection: { indicator: string; quantity: number }): NeedChanges {
  const changes: NeedChanges = {};
  if (need.status === 'resolved') changes.status = 'open';
  if (Number(need.quantity) !== detection.quantity) changes.quantity = detection.quantity;
  if (need.no_longer_detected === true) changes.no_longer_detected = false;
  const stored = need as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(detection)) {
    if (field === 'indicator' || field === 'quantity' || field === 'status' || field === 'no_longer_detected')
      continue;
    if (field === 'id' || !Object.hasOwn(stored, field)) continue;
    if (!sameValue(stored[field], value)) changes[field] = value;
  }
  return changes;
}

function disappeared(need: ExistingNeed): NeedChanges {
  switch (need.status) {
    case 'open':
      return { status: 'resolved' };
    case 'planned':
    case 'addressed':
      return need.no_longer_detected === true ? {} : { no_longer_detected: true };
    case 'dismissed':
    case 'resolved':
      return {};
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  // PostgreSQL returns bigInteger keys as text: 12 and '12' are the same value
  return String(a) === String(b);
}

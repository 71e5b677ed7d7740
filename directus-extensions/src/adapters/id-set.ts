/** Membership of integer ids (need or intervention ids), built once and asked many times. */
export type IdSet = {
  has(id: number): boolean;
  readonly size: number;
  /** the ids in ascending order */
  sorted(): number[];
};

/** Above this many slots per id, a byte per slot is no longer worth it (sparse ids): a Set is used. */
const SLOTS_PER_ID = 8;
const MIN_SLOTS = 1 << 20;

/**
 * The ids as a set. Ids of a table are dense (autoincrement), so a byte per id up to the largest is
 * both smaller and far faster than a Set of 200,000 numbers (no hashing, nothing for the garbage
 * collector to trace); ids that are sparse, negative or not whole fall back to a Set.
 */
export function idSetOf(ids: Iterable<number>): IdSet {
  const list = Array.isArray(ids) ? (ids as number[]) : [...ids];
  let max = 0;
  let plain = true;
  for (const id of list) {
    if (!Number.isInteger(id) || id < 0) {
      plain = false;
      break;
    }
    if (id > max) max = id;
  }
  if (!plain || max + 1 > Math.max(MIN_SLOTS, list.length * SLOTS_PER_ID)) return setOf(list);
  const marks = new Uint8Array(max + 1);
  let size = 0;
  for (const id of list) {
    if (marks[id] === 0) size++;
    marks[id] = 1;
  }
  return {
    has: (id) => Number.isInteger(id) && id >= 0 && id <= max && marks[id] === 1,
    size,
    sorted: () => {
      const out = new Array<number>(size);
      let at = 0;
      for (let id = 0; id <= max; id++) if (marks[id] === 1) out[at++] = id;
      return out;
    },
  };
}

function setOf(list: readonly number[]): IdSet {
  const set = new Set(list);
  return {
    has: (id) => set.has(id),
    size: set.size,
    sorted: () => [...set].sort((a, b) => a - b),
  };
}

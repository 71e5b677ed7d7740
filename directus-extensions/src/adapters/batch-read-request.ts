// The body of POST /siap-pd/batch-read: several reads of Directus items in one request. Each read is a
// collection and the query the dashboard would otherwise send as GET /items/<collection> parameters.
// Parsing is strict: an unknown key or a wrong type is refused with a message naming the read and the key.

/** A query in ItemsService's own shape (Directus names the grouping `group`). */
export interface ItemsServiceQuery {
  fields?: string[];
  filter?: Record<string, unknown>;
  search?: string;
  sort?: string[];
  limit?: number;
  offset?: number;
  aggregate?: Record<string, string[]>;
  group?: string[];
  deep?: Record<string, unknown>;
}

export interface BatchRead {
  collection: string;
  query: ItemsServiceQuery;
}

export type BatchReadParse = { ok: true; reads: BatchRead[] } | { ok: false; message: string };

/** At most this many reads in one request. */
export const MAX_BATCH_READS = 16;

const COLLECTION = /^[a-z][a-z0-9_]*$/;
const AGGREGATES = new Set([
  'count',
  'countDistinct',
  'countAll',
  'sum',
  'sumDistinct',
  'avg',
  'avgDistinct',
  'min',
  'max',
]);

export function parseBatchReadRequest(body: unknown): BatchReadParse {
  const reads = isRecord(body) ? body['reads'] : undefined;
  if (!Array.isArray(reads) || reads.length === 0) {
    return {
      ok: false,
      message: 'Isi permintaan harus { "reads": [ { "collection": "...", "query": { ... } } ] }.',
    };
  }
  if (reads.length > MAX_BATCH_READS) {
    return {
      ok: false,
      message: `Paling banyak ${MAX_BATCH_READS} bacaan dalam satu permintaan (ada ${reads.length}).`,
    };
  }
  const parsed: BatchRead[] = [];
  for (const [index, raw] of reads.entries()) {
    const read = parseRead(raw);
    if (typeof read === 'string') return { ok: false, message: `Bacaan ke-${index + 1}: ${read}` };
    parsed.push(read);
  }
  return { ok: true, reads: parsed };
}

function parseRead(raw: unknown): BatchRead | string {
  if (!isRecord(raw)) return 'harus berupa objek { collection, query }.';
  for (const key of Object.keys(raw)) {
    if (key !== 'collection' && key !== 'query') return `kunci "${key}" tidak dikenal.`;
  }
  const collection = raw['collection'];
  if (typeof collection !== 'string' || !COLLECTION.test(collection) || collection.startsWith('directus_')) {
    return 'collection harus nama koleksi SIAP-PD (huruf kecil, angka, garis bawah).';
  }
  const query = parseQuery(raw['query'] ?? {});
  if (typeof query === 'string') return query;
  return { collection, query };
}

function parseQuery(raw: unknown): ItemsServiceQuery | string {
  if (!isRecord(raw)) return 'query harus berupa objek.';
  const query: ItemsServiceQuery = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'fields':
      case 'sort':
      case 'groupBy': {
        if (!isStringList(value)) return `query.${key} harus daftar nama kolom.`;
        if (key === 'groupBy') query.group = value;
        else query[key] = value;
        break;
      }
      case 'filter':
      case 'deep':
        if (!isRecord(value)) return `query.${key} harus berupa objek.`;
        query[key] = value;
        break;
      case 'search':
        if (typeof value !== 'string') return 'query.search harus teks.';
        query.search = value;
        break;
      case 'limit':
        if (!Number.isInteger(value) || (value as number) < -1)
          return 'query.limit harus bilangan bulat ≥ -1.';
        query.limit = value as number;
        break;
      case 'offset':
        if (!Number.isInteger(value) || (value as number) < 0)
          return 'query.offset harus bilangan bulat ≥ 0.';
        query.offset = value as number;
        break;
      case 'aggregate': {
        if (!isRecord(value)) return 'query.aggregate harus berupa objek, mis. { "count": ["id"] }.';
        const aggregate: Record<string, string[]> = {};
        for (const [fn, fields] of Object.entries(value)) {
          if (!AGGREGATES.has(fn)) return `query.aggregate: fungsi "${fn}" tidak dikenal.`;
          if (!isStringList(fields)) return `query.aggregate.${fn} harus daftar nama kolom.`;
          aggregate[fn] = fields;
        }
        query.aggregate = aggregate;
        break;
      }
      default:
        return `query: kunci "${key}" tidak dikenal.`;
    }
  }
  return query;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry !== '');
}

/** One table a statement writes, and how. */
export type TableWrite = { table: string; kind: 'insert' | 'update' | 'delete' };

const IDENTIFIER = String.raw`[\`"\[]?([A-Za-z_][\w$]*)[\`"\]]?`;
// INSERT [OR x] INTO t, REPLACE INTO t, UPDATE [OR x] t, DELETE FROM t; an optional schema before t
const WRITE = new RegExp(
  String.raw`\b(insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:${IDENTIFIER}\s*\.\s*)?${IDENTIFIER}`,
  'gi',
);
const SCHEMA_CHANGE =
  /\b(?:create|drop|alter)\s+(?:(?:unique|temp|temporary)\s+)?(?:table|index|view|trigger)\b/i;
const READ_ONLY_START = /^\s*(?:select|pragma|explain|begin|commit|end|rollback|savepoint|release)\b/i;

/**
 * The tables an SQL statement writes, read from its text: `schema` for a change of the schema
 * (CREATE, DROP or ALTER of a table, index, view or trigger); none for reads and transaction control.
 * It errs towards more: a table name after UPDATE in a string literal or in an upsert's DO UPDATE SET
 * counts too, which can only make a cache read again, never keep a stale copy.
 */
export function tablesWrittenBy(sql: string): TableWrite[] | 'schema' {
  if (READ_ONLY_START.test(sql) && !/\b(?:insert|replace|update|delete)\b/i.test(sql)) return [];
  if (SCHEMA_CHANGE.test(sql)) return 'schema';
  const writes: TableWrite[] = [];
  for (const match of sql.matchAll(WRITE)) {
    const verb = (match[1] ?? '').toLowerCase();
    const table = match[3] ?? match[2];
    if (table === undefined) continue;
    const kind = verb.startsWith('delete') ? 'delete' : verb.startsWith('update') ? 'update' : 'insert';
    writes.push({ table: table.toLowerCase(), kind });
  }
  return writes;
}

/** The head member a new household's payload also creates. */
export type HeadMember = { nik: string; name: string; relation: 'kepala' };

/**
 * A household created with head_nik and head_name gets its head as a member (DESIGN: the head's NIK
 * is a member's NIK): the head is added to the payload's nested members, which Directus creates in
 * the same transaction, under the same permissions. Nothing is added without a head NIK and name, or
 * when the payload already lists a member with that NIK. Directus accepts nested members as a list
 * or as { create, update, delete }; the shape that came in is kept.
 */
export function addHeadMember(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const nik = text(payload['head_nik']);
  const name = text(payload['head_name']);
  if (nik === null || name === null) return { ...payload };
  const members = payload['members'];
  const listed = Array.isArray(members)
    ? members
    : isRecord(members)
      ? [...listOf(members['create']), ...listOf(members['update'])]
      : [];
  if (listed.some((member) => isRecord(member) && text(member['nik']) === nik)) return { ...payload };
  const head: HeadMember = { nik, name, relation: 'kepala' };
  if (isRecord(members) && !Array.isArray(members)) {
    return { ...payload, members: { ...members, create: [...listOf(members['create']), head] } };
  }
  return { ...payload, members: [...(Array.isArray(members) ? members : []), head] };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

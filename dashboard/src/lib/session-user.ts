/** The logged-in user as the dashboard shows it (no token, safe to send to the browser). */
export interface SessionUser {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  /** Name of the Directus role, e.g. "Perencana"; null when the role cannot be read. */
  role: string | null;
  desa: string | null;
  kecamatan: string | null;
  perangkat_daerah: string | null;
}

export interface ScopeItem {
  label: string;
  value: string;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** A related key may come back as the key itself or, if expanded, as an object with its key field. */
function asKey(value: unknown, keyField: string): string | null {
  if (typeof value === 'object' && value !== null && keyField in value) {
    return asText((value as Record<string, unknown>)[keyField]);
  }
  return asText(value);
}

/** Turns the /users/me answer into a SessionUser; returns null when it has no id. */
export function toSessionUser(raw: unknown): SessionUser | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const id = asText(record['id']);
  if (id === null) return null;
  const role = record['role'];
  return {
    id,
    email: asText(record['email']),
    first_name: asText(record['first_name']),
    last_name: asText(record['last_name']),
    role:
      typeof role === 'object' && role !== null ? asText((role as Record<string, unknown>)['name']) : null,
    desa: asKey(record['desa'], 'code'),
    kecamatan: asKey(record['kecamatan'], 'code'),
    perangkat_daerah: asKey(record['perangkat_daerah'], 'id'),
  };
}

/** "Siti Aminah", else the email address, else "Pengguna". */
export function displayName(user: SessionUser): string {
  const name = [user.first_name, user.last_name].filter((part) => part !== null).join(' ');
  return name !== '' ? name : (user.email ?? 'Pengguna');
}

/** The areas or agency a user's data is limited to, for the header. */
export function scopeItems(user: SessionUser): ScopeItem[] {
  const items: ScopeItem[] = [];
  if (user.desa !== null) items.push({ label: 'Desa', value: user.desa });
  if (user.kecamatan !== null) items.push({ label: 'Kecamatan', value: user.kecamatan });
  if (user.perangkat_daerah !== null) items.push({ label: 'Perangkat daerah', value: user.perangkat_daerah });
  return items;
}

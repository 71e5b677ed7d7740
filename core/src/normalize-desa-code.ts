/**
 * Reads a Kemendagri desa/kelurahan code written with or without dots (6311072002, 63.11.07.2002,
 * "63 11 07 2002") and returns it in the stored dotted form (63.11.07.2002). Anything that is not
 * exactly 10 digits once dots and spaces are removed gives null: a desa is never matched by name.
 */
export function normalizeDesaCode(raw: string): string | null {
  const text = raw.trim();
  if (!/^[\d.\s]+$/.test(text)) return null;
  const digits = text.replace(/[.\s]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  if (text.includes('.') && !/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(text.replace(/\s/g, ''))) return null;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}

/** What a rupiah field of a form holds: a whole amount, nothing (empty), or a message for the user. */
export type RupiahInput = { ok: true; value: number | null } | { ok: false; message: string };

const MAX_RUPIAH = Number.MAX_SAFE_INTEGER;

/**
 * Reads a rupiah amount as people type it: "45000000", "45.000.000", "Rp 45.000.000", "45.000.000,00"
 * or "45 000 000". Empty gives null. Decimals other than ",00" and negative amounts are refused with a
 * message that says what to type.
 */
export function parseRupiahInput(text: string | null | undefined, field = 'Jumlah'): RupiahInput {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { ok: true, value: null };
  if (/^-/.test(trimmed.replace(/^rp\.?\s*/i, ''))) {
    return { ok: false, message: `${field} tidak boleh negatif.` };
  }
  let digits = trimmed
    .replace(/^rp\.?\s*/i, '')
    .replace(/[\s\u00a0]/g, '')
    .replace(/,0+$/, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(digits)) digits = digits.replace(/\./g, '');
  if (!/^\d+$/.test(digits)) {
    return {
      ok: false,
      message: `${field} harus berupa rupiah bulat, mis. 45000000 atau 45.000.000.`,
    };
  }
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > MAX_RUPIAH) {
    return { ok: false, message: `${field} terlalu besar.` };
  }
  return { ok: true, value };
}

/** A whole, non-negative rupiah amount from a number input (NaN, negative or fractional give null). */
export function wholeRupiah(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return null;
  return Number.isSafeInteger(Math.round(number)) ? Math.round(number) : null;
}

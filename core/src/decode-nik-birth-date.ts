import { decodeDatePart } from './decode-date-part.ts';
import type { Sex } from './types.ts';

/**
 * Reads birth date and sex from a NIK (digits 7-12, day + 40 for women). The century is chosen so
 * the birth year is not after `referenceYear` (pass the survey round or the current year; core never
 * reads the clock). Returns null when the text is not 16 digits or the date part is impossible in
 * the chosen century.
 */
export function decodeNikBirthDate(
  nik: string,
  referenceYear: number,
): { birthDate: string; sex: Sex } | null {
  const text = nik.trim();
  if (!/^\d{16}$/.test(text)) return null;
  const part = decodeDatePart(text.slice(6, 12), 'nik');
  if (part === null || part.sex === null) return null;

  const year = 2000 + part.yy <= referenceYear ? 2000 + part.yy : 1900 + part.yy;
  if (!part.possibleYears.includes(year)) return null;

  const birthDate = `${year}-${pad(part.month)}-${pad(part.day)}`;
  return { birthDate, sex: part.sex };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

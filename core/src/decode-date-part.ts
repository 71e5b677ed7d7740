import type { IdentityKind, Sex } from './types.ts';

export type DatePart = {
  day: number;
  month: number;
  /** two-digit year as written (0-99) */
  yy: number;
  /** NIK only: 'P' when 40 was added to the day; null for a No. KK */
  sex: Sex | null;
  /** full years (19yy, 20yy) in which day and month form a real calendar date */
  possibleYears: number[];
};

/**
 * Decodes the DDMMYY part of a NIK (digits 7-12, day + 40 for women) or of a No. KK (its issue
 * date, no +40). The century is unknown, so the date is accepted when it is valid in 19yy or 20yy
 * (29 February with yy = 00 is valid because 2000 was a leap year). Returns null for an impossible date.
 */
export function decodeDatePart(datePart: string, kind: IdentityKind): DatePart | null {
  if (!/^\d{6}$/.test(datePart)) return null;
  const rawDay = Number(datePart.slice(0, 2));
  const month = Number(datePart.slice(2, 4));
  const yy = Number(datePart.slice(4, 6));

  let day = rawDay;
  let sex: Sex | null = null;
  if (kind === 'nik') {
    if (rawDay >= 41 && rawDay <= 71) {
      day = rawDay - 40;
      sex = 'P';
    } else {
      sex = 'L';
    }
  }
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;

  const possibleYears = [1900 + yy, 2000 + yy].filter((year) => day <= daysInMonth(year, month));
  if (possibleYears.length === 0) return null;
  return { day, month, yy, sex, possibleYears };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

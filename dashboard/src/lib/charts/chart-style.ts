import { formatNumberId } from '../format.ts';

/** Text on charts: 14.7:1 on white. */
export const TEXT_COLOUR = '#1f2937';
export const GRID_COLOUR = '#d1d5db';

/** Axis tick in Indonesian digits ("1.234"); category labels pass through. */
export function tickLabel(value: string | number): string {
  return typeof value === 'number' ? formatNumberId(value) : value;
}

/** Splits a title into lines of at most `width` characters, so it fits a 390px wide phone. */
export function wrapTitle(title: string, width = 34): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

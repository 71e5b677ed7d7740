import type { BaselineDisposition } from './types.ts';

const DISPOSITIONS: ReadonlySet<string> = new Set([
  'found',
  'moved',
  'deceased',
  'split',
  'merged',
  'duplicate',
  'not_found',
  'new',
]);

/**
 * The field disposition of a household: the one recorded after the field visit; a household found
 * only in the field (source `new`, or no list source) is `new` until something else is recorded.
 * A baseline household not visited yet has none (null = belum diverifikasi).
 */
export function resolveDisposition(
  source: string | null,
  recorded: string | null,
): BaselineDisposition | null {
  if (recorded !== null && DISPOSITIONS.has(recorded)) return recorded as BaselineDisposition;
  return source === 'p3ke' || source === 'dtsen' ? null : 'new';
}

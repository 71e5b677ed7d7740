import { describeClassificationReason } from '@siap-pd/core/describe-classification-reason';
import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { BUCKET_LABELS, toSummaryBucket } from './classification.ts';
import type { SummaryBucket } from './classification.ts';
import { BASIS_LABELS } from './labels.ts';
import { formatDateId } from './table.ts';

/** The classification a household (or the explain endpoint) reports, as stored. */
export interface StoredClassification {
  bucket: SummaryBucket;
  label: string;
  reason: string | null;
  perCapita: number | null;
  basis: string | null;
  povertyLine: number | null;
  extremeLine: number | null;
  classifiedAt: string | null;
}

function firstOf(row: Row, names: readonly string[]): unknown {
  for (const name of names) if (name in row && row[name] !== undefined) return row[name];
  return undefined;
}

/**
 * Reads the stored classification fields of a household (classification, classification_reason,
 * income_per_capita, classification_basis, poverty_line_used, extreme_line_used, classified_at). The same
 * reader accepts the core's ClassificationResult names (reason, per_capita, basis), as an explain answer may.
 */
export function toStoredClassification(row: Row): StoredClassification {
  const bucket = toSummaryBucket(row['classification']);
  return {
    bucket,
    label: BUCKET_LABELS[bucket],
    reason: readText(firstOf(row, ['classification_reason', 'reason'])),
    perCapita: readNumber(firstOf(row, ['income_per_capita', 'per_capita'])),
    basis: readText(firstOf(row, ['classification_basis', 'basis'])),
    povertyLine: readNumber(firstOf(row, ['poverty_line_used', 'poverty_line'])),
    extremeLine: readNumber(firstOf(row, ['extreme_line_used', 'extreme_poverty_line', 'extreme_line'])),
    classifiedAt: readText(firstOf(row, ['classified_at'])),
  };
}

/** Plain-language sentences that say why a household has its classification. */
export function explainStoredClassification(stored: StoredClassification): string[] {
  if (stored.bucket === 'belum') {
    return [
      'Rumah tangga ini belum diklasifikasi: belum ada survei yang diajukan atau diverifikasi, atau perhitungan belum dijalankan.',
    ];
  }
  if (stored.bucket === 'unclassified') {
    const reason = describeClassificationReason(stored.reason);
    return [`Rumah tangga ini belum dapat diklasifikasi.${reason === '' ? '' : ` ${reason}`}`];
  }
  const basis = (BASIS_LABELS[stored.basis ?? ''] ?? 'Pendapatan').toLowerCase();
  const sentences = [
    stored.perCapita === null
      ? `Nilai ${basis} per kapita tidak tersimpan.`
      : `${basis.charAt(0).toUpperCase()}${basis.slice(1)} per kapita ${formatRupiah(stored.perCapita)} per bulan.`,
  ];
  const extreme = formatRupiah(stored.extremeLine);
  const poverty = formatRupiah(stored.povertyLine);
  switch (stored.bucket) {
    case 'ekstrem':
      sentences.push(`Di bawah garis kemiskinan ekstrem ${extreme}, sehingga tergolong miskin ekstrem.`);
      break;
    case 'miskin':
      sentences.push(
        `Tidak di bawah garis kemiskinan ekstrem ${extreme} tetapi di bawah garis kemiskinan ${poverty}, sehingga tergolong miskin.`,
      );
      break;
    case 'tidak_miskin':
      sentences.push(`Tidak di bawah garis kemiskinan ${poverty}, sehingga tergolong tidak miskin.`);
      break;
  }
  if (stored.classifiedAt !== null) sentences.push(`Dihitung pada ${formatDateId(stored.classifiedAt)}.`);
  return sentences;
}

function textList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap((item) => textList(item));
  if (typeof value === 'object' && value !== null) {
    const record = value as Row;
    for (const key of ['text', 'message', 'label', 'description']) {
      if (typeof record[key] === 'string') return textList(record[key]);
    }
  }
  return [];
}

export interface NeedReason {
  /** The rule's label (or key). */
  label: string;
  sentence: string;
}

/**
 * Why each need was opened, from the explain answer's `needs: [{ label, indicator, sentence }]`
 * (core explainHousehold); [] when the answer has none.
 */
export function readExplainNeeds(data: unknown): NeedReason[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const needs = (data as Row)['needs'];
  if (!Array.isArray(needs)) return [];
  return needs.flatMap((need) => {
    if (typeof need !== 'object' || need === null) return [];
    const record = need as Row;
    const sentence = readText(record['sentence']);
    const label = readText(record['label']) ?? readText(record['indicator']);
    return sentence === null || label === null ? [] : [{ label, sentence }];
  });
}

/**
 * Sentences from GET /siap-pd/households/:id/explain, whatever its exact shape (core explainHousehold gives
 * `sentence`): a text, a list of texts or
 * steps, or a ClassificationResult-like object (then explained like the stored fields). [] when it holds
 * nothing readable (the page then shows the stored fields only).
 */
export function readExplainAnswer(data: unknown): string[] {
  const direct = textList(data);
  if (direct.length > 0 || typeof data !== 'object' || data === null || Array.isArray(data)) return direct;
  const record = data as Row;
  for (const key of [
    'sentence',
    'explanation',
    'summary',
    'text',
    'steps',
    'lines',
    'reasons',
    'sentences',
  ]) {
    const texts = textList(record[key]);
    if (texts.length > 0) return texts;
  }
  for (const key of ['classification', 'result']) {
    const inner = record[key];
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) return readExplainAnswer(inner);
  }
  if (typeof record['classification'] === 'string') {
    return explainStoredClassification(toStoredClassification(record));
  }
  return [];
}

/** Columns of the classification summary: the four stored classes plus households not yet classified. */
export const SUMMARY_BUCKETS = ['ekstrem', 'miskin', 'tidak_miskin', 'unclassified', 'belum'] as const;
export type SummaryBucket = (typeof SUMMARY_BUCKETS)[number];

/** Labels shown to users. */
export const BUCKET_LABELS: Record<SummaryBucket, string> = {
  ekstrem: 'Miskin ekstrem',
  miskin: 'Miskin',
  tidak_miskin: 'Tidak miskin',
  unclassified: 'Tidak dapat diklasifikasi',
  belum: 'Belum diklasifikasi',
};

/**
 * Colours for charts. Each has at least 4.5:1 contrast against white (WCAG AA for text, and well above the
 * 3:1 asked of graphics), and they differ in lightness as well as hue so they stay apart for colour-blind readers.
 */
export const BUCKET_COLOURS: Record<SummaryBucket, string> = {
  ekstrem: '#a4161a', // 7.8:1
  miskin: '#b45309', // 5.0:1
  tidak_miskin: '#1d4ed8', // 6.7:1
  unclassified: '#6b21a8', // 8.7:1
  belum: '#4b5563', // 7.6:1
};

/** Maps a stored classification (null = not classified yet) to its summary column. */
export function toSummaryBucket(classification: unknown): SummaryBucket {
  switch (classification) {
    case 'ekstrem':
    case 'miskin':
    case 'tidak_miskin':
    case 'unclassified':
      return classification;
    case null:
    case undefined:
    case '':
      return 'belum';
    default:
      // A value outside the model cannot be placed in a class; count it where it is visible, not drop it.
      return 'unclassified';
  }
}

/** One line of the `npm run bench` table. */
export type BenchRow = {
  measure: string;
  value: number;
  unit: string;
  /** e.g. '< 5 s' */
  target?: string;
  /** undefined: informative only */
  pass?: boolean;
  note?: string;
};

export type BenchModule = {
  run(o: { log: (message: string) => void }): Promise<BenchRow[]>;
};

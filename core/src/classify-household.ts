import { classifyPerCapita } from './classify-per-capita.ts';
import { readNumber } from './read-number.ts';
import { selectPovertyLine } from './select-poverty-line.ts';
import type {
  ClassificationBasis,
  ClassificationReason,
  ClassificationResult,
  PovertyLine,
  SurveyAnswers,
} from './types.ts';

export type ClassifyHouseholdInput = {
  /** the counted survey's answers */
  answers: SurveyAnswers;
  /** the survey's round (year): selects the poverty line of that year, else the latest earlier one */
  round: number;
  basis: ClassificationBasis;
  /** region code from planning_settings, e.g. '63.11' */
  region: string;
  lines: readonly PovertyLine[];
};

/**
 * Classifies a household from its counted survey: per capita = monthly_income (or
 * monthly_expenditure) / member_count, rounded down to whole rupiah; `ekstrem` below the extreme
 * line, `miskin` below the poverty line, else `tidak_miskin`. Exactly on a line is not below it.
 * (Lines are whole rupiah, so comparing the rounded-down per capita gives the same answer as the
 * exact quotient.) Missing or invalid data gives `unclassified` with a reason, never a guess.
 * Data problems are reported before a missing poverty line; the lines found and the per capita
 * computed are returned whenever they exist, so the result explains itself.
 */
export function classifyHousehold(input: ClassifyHouseholdInput): ClassificationResult {
  const { answers, round, basis, region, lines } = input;
  const line = selectPovertyLine(lines, round, region);
  const povertyLine = line === null ? null : readNumber(line.poverty_line);
  const extremeLine = line === null ? null : readNumber(line.extreme_poverty_line);
  const usable = line !== null && povertyLine !== null && extremeLine !== null;

  const result = (
    classification: ClassificationResult['classification'],
    reason: ClassificationReason | null,
    perCapita: number | null,
  ): ClassificationResult => ({
    classification,
    reason,
    per_capita: perCapita,
    basis,
    poverty_line_used: usable ? povertyLine : null,
    extreme_line_used: usable ? extremeLine : null,
    line_year: usable ? line.year : null,
  });

  const rawMembers = answers['member_count'];
  if (isBlank(rawMembers)) return result('unclassified', 'missing_member_count', null);
  const members = readNumber(rawMembers);
  if (members === null || !Number.isInteger(members) || members < 1) {
    return result('unclassified', 'invalid_member_count', null);
  }

  const amountField = basis === 'income' ? 'monthly_income' : 'monthly_expenditure';
  const rawAmount = answers[amountField];
  if (isBlank(rawAmount)) {
    return result('unclassified', basis === 'income' ? 'missing_income' : 'missing_expenditure', null);
  }
  const amount = readNumber(rawAmount);
  if (amount === null) return result('unclassified', 'invalid_amount', null);
  if (amount < 0) return result('unclassified', 'negative_amount', null);

  const perCapita = Math.floor(amount / members);
  if (!usable) return result('unclassified', 'no_poverty_line', perCapita);

  return result(classifyPerCapita(perCapita, povertyLine, extremeLine), null, perCapita);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

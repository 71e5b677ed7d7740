import { readNumber } from './read-number.ts';
import type { ClassificationBasis, DerivedMetrics, SurveyAnswers } from './types.ts';

/**
 * Metrics derived from survey answers, usable by need rules as if they were survey fields.
 * Null-safe: a metric is null when an input is missing or invalid (member_count not a whole
 * number >= 1, money < 0, floor area <= 0), so a rule on it never fires on bad data.
 * Money per capita is rounded down to whole rupiah; floor area per capita to 2 decimals.
 */
export function computeDerivedMetrics(answers: SurveyAnswers, basis: ClassificationBasis): DerivedMetrics {
  const members = readNumber(answers['member_count']);
  const validMembers = members !== null && Number.isInteger(members) && members >= 1 ? members : null;

  const perCapitaMoney = (amount: unknown): number | null => {
    const value = readNumber(amount);
    if (validMembers === null || value === null || value < 0) return null;
    return Math.floor(value / validMembers);
  };

  const income_per_capita = perCapitaMoney(answers['monthly_income']);
  const expenditure_per_capita = perCapitaMoney(answers['monthly_expenditure']);

  const area = readNumber(answers['floor_area_m2']);
  const floor_area_per_capita =
    validMembers === null || area === null || area <= 0
      ? null
      : Math.round((area / validMembers) * 100) / 100;

  return {
    income_per_capita,
    expenditure_per_capita,
    per_capita: basis === 'income' ? income_per_capita : expenditure_per_capita,
    floor_area_per_capita,
  };
}

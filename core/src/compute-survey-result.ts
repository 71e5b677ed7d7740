import { classifyHousehold } from './classify-household.ts';
import type { ClassifyHouseholdInput } from './classify-household.ts';
import type { Classification, ClassificationReason } from './types.ts';

/** What a survey row stores about itself, so rounds can be compared with the lines of their own year. */
export type SurveyResultColumns = {
  classification: Classification;
  classification_reason: ClassificationReason | null;
  /** per capita of the classification basis (income or expenditure), Rp per month */
  income_per_capita: number | null;
  poverty_line_used: number | null;
  extreme_line_used: number | null;
};

/**
 * The classification a survey's own answers give with the lines of its own round (the same rule
 * as the household's: classifyHousehold), as the columns the survey row stores.
 */
export function computeSurveyResult(input: ClassifyHouseholdInput): SurveyResultColumns {
  const result = classifyHousehold(input);
  return {
    classification: result.classification,
    classification_reason: result.reason,
    income_per_capita: result.per_capita,
    poverty_line_used: result.poverty_line_used,
    extreme_line_used: result.extreme_line_used,
  };
}

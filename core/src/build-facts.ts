import { computeDerivedMetrics } from './compute-derived-metrics.ts';
import type { ClassificationBasis, Facts, SurveyAnswers } from './types.ts';

/**
 * The facts need rules read: the survey's answers merged with the derived metrics. Derived
 * metrics win over stored columns of the same name (a survey row also stores the last computed
 * income_per_capita, which may be stale).
 */
export function buildFacts(answers: SurveyAnswers, basis: ClassificationBasis): Facts {
  return { ...answers, ...computeDerivedMetrics(answers, basis) };
}

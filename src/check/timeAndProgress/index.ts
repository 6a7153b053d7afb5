/**
 * The evaluation stage: every check wraps f in `evaluationStage` before its evaluator calls it,
 * so the float32 watch, progress and the time pre-flight are written once.
 */
export { type EvaluationStage, evaluationStage } from './stage.js';
export { type EvaluationPlan, differenceEvaluations, formatDuration, groupDigits } from './plan.js';

import { AlarmComparison } from '../alarm-contract';

/** CloudWatch's `ComparisonOperator` for each comparison. */
export const CLOUDWATCH_COMPARISON_NAMES: Record<AlarmComparison, string> = {
  [AlarmComparison.GREATER_THAN_OR_EQUAL]: 'GreaterThanOrEqualToThreshold',
  [AlarmComparison.GREATER_THAN]: 'GreaterThanThreshold',
  [AlarmComparison.LESS_THAN]: 'LessThanThreshold',
  [AlarmComparison.LESS_THAN_OR_EQUAL]: 'LessThanOrEqualToThreshold',
};

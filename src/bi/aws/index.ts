export * from './quicksight-analytics-props';
export * from './quicksight-analytics';

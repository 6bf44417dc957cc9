import { IConstruct } from 'constructs';
import { AlarmComparison } from '../alarm-contract';

/** Values an alarm's threshold may take (an override outside fails at synth). @internal */
export interface ThresholdRange {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** Unit for messages and tables (ms, %, count, bytes, ...). */
  readonly unit: string;
}

/**
 * What every catalog entry has, whatever the backend: the resource it watches, its key, default
 * threshold and allowed range. @internal
 */
export interface AlarmSpecBase {
  /** Catalog key, for example `kinesis-iterator-age`. */
  readonly key: string;
  /** The construct owning the watched resource (overrides match it or an ancestor). */
  readonly resource: IConstruct;
  /** Short name of the watched resource, used in alarm names (for example the stream name). */
  readonly resourceName: string;
  readonly threshold: number;
  readonly comparison: AlarmComparison;
  readonly range: ThresholdRange;
  readonly description: string;
}

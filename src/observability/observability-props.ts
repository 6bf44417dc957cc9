import { AlarmOverride } from './alarm-contract';
import { ISearchCluster } from '../search/search-cluster-contract';

/** Props every observability backend takes. */
export interface ObservabilityCommonProps {
  /**
   * Watch every pipeline construct in this stack. Set false to watch only what `monitor()` registers.
   * @default DEFAULT_AUTO_DISCOVER (true)
   */
  readonly autoDiscover?: boolean;
  /**
   * Threshold changes and disabled alarms, per construct (later entries win).
   * @default - every catalog alarm with its default threshold
   */
  readonly alarmOverrides?: AlarmOverride[];
  /**
   * Where the pipeline's logs are indexed (CloudWatch log groups on AWS, container logs on Kubernetes).
   * @default - logs stay in CloudWatch Logs / on the nodes
   */
  readonly searchCluster?: ISearchCluster;
}

import { IConstruct } from 'constructs';
import { MongoSourceDatabase } from '../../../cdc/k8s/source/mongo-source-database';
import { MySqlSourceDatabase } from '../../../cdc/k8s/source/mysql-source-database';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { AlarmComparison } from '../../alarm-contract';
import { SOURCE_DATABASE_DISK_USAGE_PERCENT, SOURCE_DATABASE_DOWN_FOR_SECONDS, DISK_USAGE_FOR_SECONDS } from '../prometheus-alert-defaults';
import { PrometheusCatalogResult } from './prometheus-alert-spec';
import { AlertInput, alertsOf, instancesRange, NO_RESULT, PERCENT_RANGE, selector, volumeUsagePercent } from './promql';

/** Rule group of the CDC source databases without their own exporter. */
export const CDC_SOURCE_RULE_GROUP = 'cdc-source';

function sourceAlerts(prefix: string, Prefix: string, namespace: string, statefulSet: string, members: number, pvcRegex: string): AlertInput[] {
  const matchers = { namespace, statefulset: statefulSet };
  const disk = volumeUsagePercent(namespace, pvcRegex);
  return [{
    key: `${prefix}-source-down`,
    alert: `${Prefix}SourceDown`,
    expr: `(sum(kube_statefulset_status_replicas_ready${selector(matchers)}) or vector(0))`,
    matchers,
    threshold: members,
    comparison: AlarmComparison.LESS_THAN,
    range: instancesRange(members),
    forSeconds: SOURCE_DATABASE_DOWN_FOR_SECONDS,
    severity: 'critical',
    description: `Fewer ${Prefix} pods than expected are ready (kube-state-metrics): change data capture from it stops. Check the StatefulSet ${statefulSet}.`,
  }, {
    key: `${prefix}-source-disk-usage`,
    alert: `${Prefix}SourceDiskUsageHigh`,
    expr: disk.expr,
    matchers: disk.matchers,
    threshold: SOURCE_DATABASE_DISK_USAGE_PERCENT,
    comparison: AlarmComparison.GREATER_THAN,
    range: PERCENT_RANGE,
    forSeconds: DISK_USAGE_FOR_SECONDS,
    severity: 'warning',
    description: `A ${Prefix} volume is filling up (data, and the change log CDC reads): grow it or shorten the log retention.`,
  }];
}

/**
 * CDC source databases that run no metrics exporter: the MySQL StatefulSet (the official image has
 * none) and the MongoDB replica set (MongoDBCommunity's `spec.prometheus` is not configured), watched
 * through kube-state-metrics (ready pods) and kubelet volume stats. Not covered without an exporter:
 * MySQL binary log and connection usage, MongoDB oplog window and replication lag. PostgreSQL sources
 * are CloudNativePG clusters (the postgresql catalog).
 */
export function cdcSourcesCatalog(node: IConstruct): PrometheusCatalogResult {
  if (node instanceof MySqlSourceDatabase) {
    const namespace = KubernetesPlatform.ofKubernetes(node).namespace;
    const name = node.serverName;
    return { alerts: alertsOf(node, name, CDC_SOURCE_RULE_GROUP, sourceAlerts('mysql', 'MySql', namespace, name, 1, `data-${name}-[0-9]+`)), scrapeTargets: [] };
  }
  if (node instanceof MongoSourceDatabase) {
    const namespace = KubernetesPlatform.ofKubernetes(node).namespace;
    const name = node.replicaSetName;
    const resource = node.customResources.resources.find((r) => r.kind === 'MongoDBCommunity' && r.metadata.name === name);
    const members = Number(resource?.spec?.members ?? 1);
    const alerts = sourceAlerts('mongo', 'Mongo', namespace, name, members, `(data-volume|logs-volume)-${name}-[0-9]+`);
    return { alerts: alertsOf(node, name, CDC_SOURCE_RULE_GROUP, alerts), scrapeTargets: [] };
  }
  return NO_RESULT;
}

import { CloudwatchLogSubscriptionFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-subscription-filter';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';
import { BundledFunction } from './bundled-function';
import { OpenSearchFirehoseDestination } from './opensearch-firehose-destination';
import { SearchTarget } from './search-target';
import { checkIndexName, destinationNameOf } from './validation';
import { invalidConfig, invalidProp } from '../../../core/errors';
import { AwsNameRules, checkName, kebab } from '../../../core/naming';
import { integerInRange } from '../../../core/validate';
import { attachRolePolicy, trustPolicy } from '../../../identity/aws-grant';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { FirehoseDelivery } from '../../../streaming/aws/firehose-delivery';
import { IStreamDestination } from '../../../streaming/destination';
import { DEFAULT_LOG_INDEX, SearchBackupMode, SearchLogSources } from '../../search-cluster-contract';
import {
  DEFAULT_INDEX_ROTATION, DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS, DEFAULT_SEARCH_BUFFERING_SIZE_MIB, DEFAULT_SEARCH_RETRY_DURATION_SECONDS,
  IndexRotation, MAX_SEARCH_BUFFERING_INTERVAL_SECONDS, MAX_SEARCH_BUFFERING_SIZE_MIB, MAX_SEARCH_RETRY_DURATION_SECONDS,
  OpenSearchDestinationOptions,
} from '../opensearch-search-cluster-props';

/** Memory of a log transform function, MiB. @internal */
export const LOG_TRANSFORM_MEMORY_MIB = 256;
/** Timeout of a log transform function, seconds (Firehose waits up to 5 minutes). @internal */
export const LOG_TRANSFORM_TIMEOUT_SECONDS = 60;
/** Concurrency reserved for a log transform function. @internal */
export const LOG_TRANSFORM_RESERVED_CONCURRENCY = 5;
/** MiB of compressed CloudWatch Logs batches Firehose hands the transform at once (they expand when decompressed; the response limit is 6 MiB). @internal */
export const LOG_TRANSFORM_BUFFER_MIB = 1;

/**
 * Destinations and log ingestion of a domain, shared by the created and the imported cluster.
 * @internal
 */
export class SearchOperations {
  constructor(private readonly scope: Construct, private readonly target: SearchTarget) {}

  /** A Firehose destination into an index, validated. */
  public destination(options: OpenSearchDestinationOptions): OpenSearchFirehoseDestination {
    const index = checkIndexName(this.scope, 'index', options.index);
    const backupMode = options.backupMode ?? SearchBackupMode.FAILED_DOCUMENTS_ONLY;
    if (!Object.values(SearchBackupMode).includes(backupMode)) {
      throw invalidProp(this.scope, 'backupMode', backupMode, `use one of ${Object.values(SearchBackupMode).join(', ')}`);
    }
    const indexRotation = options.indexRotation ?? DEFAULT_INDEX_ROTATION;
    if (!Object.values(IndexRotation).includes(indexRotation)) {
      throw invalidProp(this.scope, 'indexRotation', indexRotation, `use one of ${Object.values(IndexRotation).join(', ')}`);
    }
    return new OpenSearchFirehoseDestination({
      destinationName: options.destinationName ?? destinationNameOf(index),
      target: this.target,
      index,
      backupMode,
      indexRotation,
      retryDurationSeconds: integerInRange(this.scope, 'retryDurationSeconds', options.retryDurationSeconds, 0,
        MAX_SEARCH_RETRY_DURATION_SECONDS, DEFAULT_SEARCH_RETRY_DURATION_SECONDS),
      bufferingIntervalSeconds: integerInRange(this.scope, 'bufferingIntervalSeconds', options.bufferingIntervalSeconds, 0,
        MAX_SEARCH_BUFFERING_INTERVAL_SECONDS, DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS),
      bufferingSizeMiB: integerInRange(this.scope, 'bufferingSizeMiB', options.bufferingSizeMiB, 1, MAX_SEARCH_BUFFERING_SIZE_MIB, DEFAULT_SEARCH_BUFFERING_SIZE_MIB),
      backupBucket: options.backupBucket,
    });
  }

  /**
   * CloudWatch Logs subscription filters on `sources.logGroupNames` -> a direct-PUT Firehose
   * delivery stream (KMS) whose transform function decompresses each batch into one document ->
   * the index. CloudWatch Logs writes with its own role, allowed PutRecord on that stream only.
   */
  public ingestLogs(id: string, sources: SearchLogSources): IStreamDestination {
    const scope = this.scope;
    const t = this.target;
    if (scope.node.tryFindChild(`Logs-${id}`)) throw invalidConfig(scope, `two log ingestions are named "${id}"; give each its own id.`);
    if (sources.namespaces !== undefined) {
      throw invalidProp(scope, 'sources.namespaces', sources.namespaces, 'namespaces select Kubernetes container logs; on AWS give logGroupNames');
    }
    const groups = sources.logGroupNames ?? [];
    if (groups.length === 0) throw invalidProp(scope, 'sources.logGroupNames', groups, 'give at least one CloudWatch log group name');
    groups.forEach((g, i) => checkName(scope, `sources.logGroupNames[${i}]`, g, AwsNameRules.LOG_GROUP));
    const index = checkIndexName(scope, 'sources.index', sources.index ?? DEFAULT_LOG_INDEX);
    const platform = AwsPlatform.ofAws(scope);
    const name = `${t.name}-logs-${kebab(id)}`;

    const transform = new BundledFunction(scope, `LogsTransform-${id}`, {
      name,
      description: `Decompresses CloudWatch Logs batches into documents of the ${index} index`,
      handler: 'logs-transform.handler',
      keyArn: t.key.keyArn,
      memoryMiB: LOG_TRANSFORM_MEMORY_MIB,
      timeoutSeconds: LOG_TRANSFORM_TIMEOUT_SECONDS,
      reservedConcurrency: LOG_TRANSFORM_RESERVED_CONCURRENCY,
      statements: [],
    });
    const destination = new OpenSearchFirehoseDestination({
      destinationName: destinationNameOf(kebab(id)),
      target: t,
      index,
      backupMode: SearchBackupMode.FAILED_DOCUMENTS_ONLY,
      indexRotation: DEFAULT_INDEX_ROTATION,
      retryDurationSeconds: DEFAULT_SEARCH_RETRY_DURATION_SECONDS,
      bufferingIntervalSeconds: DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS,
      bufferingSizeMiB: DEFAULT_SEARCH_BUFFERING_SIZE_MIB,
      processing: {
        functionArn: transform.function.arn,
        configuration: {
          enabled: true,
          processors: [{
            type: 'Lambda',
            parameters: [
              { parameterName: 'LambdaArn', parameterValue: transform.function.arn },
              { parameterName: 'BufferSizeInMBs', parameterValue: String(LOG_TRANSFORM_BUFFER_MIB) },
            ],
          }],
        },
      },
    });
    const delivery = new FirehoseDelivery(scope, `Logs-${id}`, { name, source: {}, destination, key: t.key, removalPolicy: t.removalPolicy });

    const role = new IamRole(scope, `LogsSubscriptionRole-${id}`, {
      name: platform.physicalName(scope, AwsNameRules.IAM_ROLE, [name, 'cwl']),
      assumeRolePolicy: trustPolicy(
        { Service: `logs.${platform.region}.amazonaws.com` },
        { StringLike: { 'aws:SourceArn': `arn:${platform.partition}:logs:${platform.region}:${platform.accountId}:*` } },
      ),
    });
    const policy = attachRolePolicy(scope, `LogsSubscriptionPolicy-${id}`, role.name, delivery.writeStatements(), 'firehose-write');
    groups.forEach((group, i) => new CloudwatchLogSubscriptionFilter(scope, `LogsSubscription-${id}-${i}`, {
      name: `${delivery.deliveryStreamName}`,
      logGroupName: group,
      filterPattern: '',
      destinationArn: delivery.deliveryStreamArn,
      roleArn: role.arn,
      dependsOn: [policy],
    }));
    return destination;
  }
}

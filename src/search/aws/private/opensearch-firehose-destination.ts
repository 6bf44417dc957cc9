import {
  KinesisFirehoseDeliveryStreamOpensearchConfigurationProcessingConfiguration as ProcessingConfiguration,
} from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { SearchTarget } from './search-target';
import { domainClientGroup } from './security-groups';
import { Annotations } from '../../../core/cdktf';
import { invalidConfig } from '../../../core/errors';
import { attachRolePolicy } from '../../../identity/aws-grant';
import { ISecureBucket, SecureBucket } from '../../../storage/aws/secure-bucket';
import { S3_DELIVERY_ACTIONS } from '../../../streaming/aws/extended-s3-config';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../../../streaming/destination';
import { SearchBackupMode } from '../../search-cluster-contract';
import { IndexRotation, SEARCH_BACKUP_ERROR_PREFIX } from '../opensearch-search-cluster-props';

/** Firehose's names of the backup modes. @internal */
export const FIREHOSE_BACKUP_MODES: Record<SearchBackupMode, string> = {
  [SearchBackupMode.FAILED_DOCUMENTS_ONLY]: 'FailedDocumentsOnly',
  [SearchBackupMode.ALL_DOCUMENTS]: 'AllDocuments',
};
/** Compression of backed-up documents. @internal */
export const SEARCH_BACKUP_COMPRESSION = 'GZIP';
/** Buffering of the backup delivery to S3 (seconds, MiB): backups are not latency-sensitive. @internal */
export const SEARCH_BACKUP_BUFFERING = { intervalSeconds: 300, sizeMiB: 5 };

/**
 * Network interface permissions Firehose needs to deliver inside a VPC (it creates its interfaces
 * in the given subnets). EC2 does not scope these Describe actions to resources.
 * @internal
 */
export const FIREHOSE_VPC_ACTIONS = [
  'ec2:DescribeVpcs', 'ec2:DescribeVpcAttribute', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces',
  'ec2:CreateNetworkInterface', 'ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterface',
];

/** The HTTP reads Firehose makes on a domain before and while it delivers (paths under the domain ARN). @internal */
export function firehoseReadPaths(domainArn: string, index: string): string[] {
  return [
    `${domainArn}/_all/_settings`,
    `${domainArn}/_cluster/stats`,
    `${domainArn}/${index}*/_mapping/*`,
    `${domainArn}/_nodes`,
    `${domainArn}/_nodes/stats`,
    `${domainArn}/_nodes/*/stats`,
    `${domainArn}/_stats`,
    `${domainArn}/${index}*/_stats`,
    `${domainArn}/`,
  ];
}

/**
 * Everything an OpenSearch destination needs, resolved and validated by the cluster.
 * @internal
 */
export interface SearchFirehoseSettings {
  readonly destinationName: string;
  readonly target: SearchTarget;
  readonly index: string;
  readonly backupMode: SearchBackupMode;
  readonly indexRotation: IndexRotation;
  readonly retryDurationSeconds: number;
  readonly bufferingIntervalSeconds: number;
  readonly bufferingSizeMiB: number;
  readonly backupBucket?: ISecureBucket;
  /** A record transformation (log ingestion), with the role's permission to invoke it. */
  readonly processing?: { readonly configuration: ProcessingConfiguration; readonly functionArn: string };
}

/**
 * Delivers a StreamingIngest's records as documents of an index through Firehose, inside the
 * platform's VPC: Firehose's interfaces sit in the private subnets in a security group that may only
 * reach the domain on HTTPS (the domain admits it), the index rotates, failed (or all) documents are
 * backed up GZIP-compressed to a KMS-encrypted SecureBucket, retries are bounded, delivery errors are
 * logged to the delivery stream's log group, and the delivery role is mapped to the domain's
 * `pipeline_writer` security role with write access to this index only.
 * @internal
 */
export class OpenSearchFirehoseDestination implements IStreamDestination {
  public readonly destinationName: string;

  constructor(private readonly settings: SearchFirehoseSettings) {
    this.destinationName = settings.destinationName;
  }

  public bindFirehose(scope: Construct, options: FirehoseBindOptions): FirehoseDestinationConfig {
    const s = this.settings;
    const t = s.target;
    const bucket = s.backupBucket ?? new SecureBucket(scope, 'SearchBackupBucket', { name: options.resourceSuffix, removalPolicy: options.removalPolicy });
    const groupId = domainClientGroup(scope, 'SearchDeliveryGroup', `${options.resourceSuffix}-firehose`, t.network.vpcId, t.securityGroupId,
      `Firehose delivery ${options.deliveryStreamName}`);
    attachRolePolicy(scope, 'OpenSearchDeliveryPolicy', options.role.name, [
      { actions: ['es:DescribeDomain', 'es:DescribeDomains', 'es:DescribeDomainConfig', 'es:ESHttpPost', 'es:ESHttpPut'], resources: [t.domainArn, `${t.domainArn}/*`] },
      { actions: ['es:ESHttpGet'], resources: firehoseReadPaths(t.domainArn, s.index) },
      { actions: FIREHOSE_VPC_ACTIONS, resources: ['*'] },
      { actions: S3_DELIVERY_ACTIONS, resources: [bucket.bucketArn, `${bucket.bucketArn}/*`] },
      { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [bucket.encryptionKey.keyArn] },
      { actions: ['logs:PutLogEvents'], resources: [`${options.logGroupArn}:log-stream:*`] },
      ...(s.processing ? [{ actions: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], resources: [s.processing.functionArn] }] : []),
    ]);
    if (t.security) {
      t.security.addWriter(options.role.arn, `${s.index}*`);
    } else {
      Annotations.of(scope).addWarning(`the OpenSearch domain is imported: map this delivery stream's role (${options.role.node.path}) `
        + `to a security role that may write to "${s.index}*" (fine-grained access control), or Firehose is denied and backs the documents up to S3.`);
    }
    const logging = { enabled: true, logGroupName: options.logGroupName, logStreamName: options.logStreamName };
    return {
      destination: 'opensearch',
      amazonopensearchConfiguration: {
        domainArn: t.domainArn,
        indexName: s.index,
        indexRotationPeriod: s.indexRotation,
        retryDuration: s.retryDurationSeconds,
        roleArn: options.role.arn,
        bufferingInterval: s.bufferingIntervalSeconds,
        bufferingSize: s.bufferingSizeMiB,
        s3BackupMode: FIREHOSE_BACKUP_MODES[s.backupMode],
        s3Configuration: {
          bucketArn: bucket.bucketArn,
          roleArn: options.role.arn,
          prefix: `${s.index}/`,
          errorOutputPrefix: `${s.index}/${SEARCH_BACKUP_ERROR_PREFIX}`,
          bufferingInterval: SEARCH_BACKUP_BUFFERING.intervalSeconds,
          bufferingSize: SEARCH_BACKUP_BUFFERING.sizeMiB,
          compressionFormat: SEARCH_BACKUP_COMPRESSION,
          kmsKeyArn: bucket.encryptionKey.keyArn,
          cloudwatchLoggingOptions: logging,
        },
        cloudwatchLoggingOptions: logging,
        processingConfiguration: s.processing?.configuration,
        vpcConfig: { roleArn: options.role.arn, subnetIds: t.network.privateSubnetIds, securityGroupIds: [groupId] },
      },
    };
  }

  /** The OpenSearch destination is AWS-only (Firehose): this throws a PipelineValidationError. */
  public bindKafkaConnect(scope: Construct, _options: KafkaConnectBindOptions): void {
    throw invalidConfig(scope, `the OpenSearch destination "${this.destinationName}" is AWS-only (Amazon Data Firehose); a Kafka topic on Kubernetes cannot deliver to it.`);
  }
}

import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { policyDocument } from './policies';
import { RedshiftTarget } from './redshift-target';
import { ValidTable } from './warehouse-validation';
import { invalidConfig } from '../../../core/errors';
import { attachRolePolicy } from '../../../identity/aws-grant';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { ICredential } from '../../../secrets/secret-store-contract';
import { ISecureBucket, SecureBucket } from '../../../storage/aws/secure-bucket';
import { resolveBuffering, S3_DELIVERY_ACTIONS } from '../../../streaming/aws/extended-s3-config';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../../../streaming/destination';
import {
  DEFAULT_REDSHIFT_BUFFERING_INTERVAL_SECONDS, DEFAULT_REDSHIFT_BUFFERING_SIZE_MIB, FIREHOSE_BACKUP_PREFIX, FIREHOSE_STAGING_PREFIX,
} from '../redshift-load-options';

/** Compression of the batches Firehose stages for COPY (the COPY options say GZIP). @internal */
export const FIREHOSE_STAGING_COMPRESSION = 'GZIP';

/**
 * Reading one Secrets Manager credential: GetSecretValue on the secret, and kms:Decrypt on its key
 * only through Secrets Manager.
 * @internal
 */
export function secretReadPolicy(credential: ICredential, region: string): string {
  return policyDocument([
    { actions: ['secretsmanager:GetSecretValue'], resources: [credential.secretArn!] },
    ...(credential.kmsKeyArn
      ? [{ actions: ['kms:Decrypt'], resources: [credential.kmsKeyArn], condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } } }]
      : []),
  ]);
}

/**
 * Everything a Firehose-to-Redshift destination needs, resolved by the warehouse.
 * @internal
 */
export interface RedshiftFirehoseSettings {
  readonly destinationName: string;
  readonly target: RedshiftTarget;
  readonly table: ValidTable;
  readonly columns: string[];
  readonly copyOptions: string;
  readonly retryDurationSeconds: number;
  readonly bufferingIntervalSeconds?: number;
  readonly bufferingSizeMiB?: number;
  /** The credential Firehose signs in with (a loader user or the administrator). */
  readonly credential: ICredential;
  readonly stagingBucket?: ISecureBucket;
}

/**
 * Delivers a StreamingIngest's records into a Redshift table through Firehose: batches staged
 * GZIP-compressed in a KMS-encrypted SecureBucket (`staging/`), loaded with COPY signed in through
 * Secrets Manager (the password never in Firehose's configuration or Terraform state), every
 * record also backed up (`backup/`) so failed batches can be reloaded, retries bounded, delivery
 * errors logged to the delivery stream's KMS-encrypted log group.
 * @internal
 */
export class RedshiftFirehoseDestination implements IStreamDestination {
  public readonly destinationName: string;

  constructor(private readonly settings: RedshiftFirehoseSettings) {
    this.destinationName = settings.destinationName;
  }

  public bindFirehose(scope: Construct, options: FirehoseBindOptions): FirehoseDestinationConfig {
    const s = this.settings;
    const buffering = resolveBuffering(scope, {
      intervalSeconds: s.bufferingIntervalSeconds,
      sizeMiB: s.bufferingSizeMiB,
      defaultIntervalSeconds: DEFAULT_REDSHIFT_BUFFERING_INTERVAL_SECONDS,
      defaultSizeMiB: DEFAULT_REDSHIFT_BUFFERING_SIZE_MIB,
    });
    const bucket = s.stagingBucket ?? new SecureBucket(scope, 'StagingBucket', { name: options.resourceSuffix, removalPolicy: options.removalPolicy });
    attachRolePolicy(scope, 'RedshiftStagingPolicy', options.role.name, [
      { actions: S3_DELIVERY_ACTIONS, resources: [bucket.bucketArn, `${bucket.bucketArn}/*`] },
      { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [bucket.encryptionKey.keyArn] },
      { actions: ['logs:PutLogEvents'], resources: [`${options.logGroupArn}:log-stream:*`] },
    ]);
    // Firehose signs in to Redshift with the credential it reads from Secrets Manager. The policy is
    // attached here (not through the store) so the delivery stream waits for it like for its others.
    new IamRolePolicy(scope, 'RedshiftCredentialPolicy', {
      role: options.role.name,
      name: 'redshift-credential-read',
      policy: secretReadPolicy(s.credential, AwsPlatform.ofAws(scope).region),
    });

    const logging = { enabled: true, logGroupName: options.logGroupName, logStreamName: options.logStreamName };
    const staged = (prefix: string) => ({
      bucketArn: bucket.bucketArn,
      roleArn: options.role.arn,
      prefix,
      bufferingInterval: buffering.intervalSeconds,
      bufferingSize: buffering.sizeMiB,
      compressionFormat: FIREHOSE_STAGING_COMPRESSION,
      kmsKeyArn: bucket.encryptionKey.keyArn,
      cloudwatchLoggingOptions: logging,
    });
    const t = s.target;
    return {
      destination: 'redshift',
      redshiftConfiguration: {
        clusterJdbcurl: `jdbc:redshift://${t.endpoint}:${t.port}/${t.databaseName}`,
        roleArn: options.role.arn,
        dataTableName: `${s.table.schema}.${s.table.name}`,
        dataTableColumns: s.columns.join(','),
        copyOptions: s.copyOptions,
        retryDuration: s.retryDurationSeconds,
        secretsManagerConfiguration: { enabled: true, secretArn: s.credential.secretArn, roleArn: options.role.arn },
        s3Configuration: staged(FIREHOSE_STAGING_PREFIX),
        s3BackupMode: 'Enabled',
        s3BackupConfiguration: staged(FIREHOSE_BACKUP_PREFIX),
        cloudwatchLoggingOptions: logging,
      },
    };
  }

  /** The Redshift destination is AWS-only (Firehose): this throws a PipelineValidationError. */
  public bindKafkaConnect(scope: Construct, _options: KafkaConnectBindOptions): void {
    throw invalidConfig(scope, `the Redshift destination "${this.destinationName}" is AWS-only (Amazon Data Firehose); a Kafka topic on Kubernetes cannot deliver to it.`);
  }
}

import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import {
  KinesisFirehoseDeliveryStreamExtendedS3Configuration,
  KinesisFirehoseDeliveryStreamOpensearchConfiguration,
  KinesisFirehoseDeliveryStreamRedshiftConfiguration,
} from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { invalidProp } from '../core/errors';
import { IEncryptionKey } from '../platform/aws/encryption-key';
import { RemovalPolicy } from '../platform/platform';
import { IKafkaCluster } from './k8s/kafka-cluster-contract';

/** What a destination receives when bound to a Firehose delivery stream. */
export interface FirehoseBindOptions {
  /** Name of the delivery stream. */
  readonly deliveryStreamName: string;
  /** Suffix (after the namePrefix) for names of resources the destination creates. */
  readonly resourceSuffix: string;
  /**
   * Removal policy for stores the destination creates.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /** The delivery stream's IAM role; the destination attaches the policies it needs. */
  readonly role: IamRole;
  /** The delivery stream's KMS key. */
  readonly key: IEncryptionKey;
  /** CloudWatch log group for delivery errors. */
  readonly logGroupName: string;
  /** ARN of that log group. */
  readonly logGroupArn: string;
  /** CloudWatch log stream for this destination's delivery errors. */
  readonly logStreamName: string;
}

/** The Firehose configuration of a bound destination (one of the `*Configuration` fields is set). */
export interface FirehoseDestinationConfig {
  /** Firehose destination type (`extended_s3`, ...). */
  readonly destination: string;
  /**
   * Extended S3 configuration.
   * @default - not an S3 destination
   */
  readonly extendedS3Configuration?: KinesisFirehoseDeliveryStreamExtendedS3Configuration;
  /**
   * Redshift configuration (COPY through an intermediate S3 location).
   * @default - not a Redshift destination
   */
  readonly redshiftConfiguration?: KinesisFirehoseDeliveryStreamRedshiftConfiguration;
  /**
   * Amazon OpenSearch Service configuration (destination `opensearch`).
   * @default - not an OpenSearch destination
   */
  readonly amazonopensearchConfiguration?: KinesisFirehoseDeliveryStreamOpensearchConfiguration;
}

/** What a destination receives when bound to a Kafka topic on Kubernetes (Strimzi Kafka Connect). */
export interface KafkaConnectBindOptions {
  /** Name of the topic to deliver from. */
  readonly topicName: string;
  /** The Kafka cluster of the topic (its KafkaUsers carry the connector's ACLs). */
  readonly cluster: IKafkaCluster;
  /** Namespace of the platform (where the Connect cluster and connectors are created). */
  readonly namespace: string;
  /** Suffix (after the namePrefix) for names of resources the destination creates. */
  readonly resourceSuffix: string;
}

/**
 * Where a StreamingIngest delivers its records. The S3 destination ships with StreamingIngest; the
 * lake, warehouse and search constructs implement this interface too.
 */
export interface IStreamDestination {
  /** Short name of the destination, used in physical names (letters, digits, hyphens). */
  readonly destinationName: string;

  /** Configures a Firehose delivery stream to deliver here, attaching what the role needs. */
  bindFirehose(scope: Construct, options: FirehoseBindOptions): FirehoseDestinationConfig;

  /**
   * Configures delivery from a Kafka topic on Kubernetes (a Strimzi KafkaConnect and KafkaConnector).
   * AWS-only destinations throw a PipelineValidationError.
   */
  bindKafkaConnect(scope: Construct, options: KafkaConnectBindOptions): void;
}

const DESTINATION_NAME = /^[a-z0-9][a-z0-9-]{0,30}$/;

/**
 * Checks a destination's name (it becomes part of physical names).
 * @internal
 */
export function checkDestinationName(scope: Construct, destination: IStreamDestination): void {
  if (!DESTINATION_NAME.test(destination.destinationName)) {
    throw invalidProp(scope, 'destinationName', destination.destinationName, 'use 1 to 31 lowercase letters, digits and hyphens');
  }
}

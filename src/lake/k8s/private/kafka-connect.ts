import { Construct, IConstruct } from 'constructs';
import { LAKE_S3_REGION, LakeNames } from './lake-names';
import { AIVEN_S3_SINK_URL } from '../../../platform/k8s/lake-versions';
import { connectSecretRef } from '../../../streaming/k8s/connect/connect-access';
import { ConnectCluster } from '../../../streaming/k8s/connect/connect-cluster';
import { ConnectOwner, ConnectPlugin } from '../../../streaming/k8s/connect/connect-image';
import { IKafkaCluster } from '../../../streaming/k8s/kafka-cluster-contract';
import { DEFAULT_KAFKA_CONNECT_REPLICAS, DEFAULT_KAFKA_CONNECT_RESOURCES, LakeKafkaConnectOptions } from '../kubernetes-data-lake-options';

/** Tasks of each lake connector. */
export const LAKE_CONNECTOR_TASKS = 2;

/** The Aiven S3 sink plugin the lake's Connect image carries (or a Strimzi build adds). @internal */
export const AIVEN_S3_SINK_PLUGIN: ConnectPlugin = {
  name: 'aiven-s3-sink', artifactType: 'zip', url: AIVEN_S3_SINK_URL, description: 'the Aiven S3 sink connector',
};

/** The lake as the owner of its Connect cluster. @internal */
export function lakeConnectOwner(lake: IConstruct): ConnectOwner {
  return { kind: 'lake', path: lake.node.path, verb: 'delivers', purpose: 'delivering to the lake', construct: 'KubernetesDataLake' };
}

/**
 * The lake's Kafka Connect cluster `<prefix>-lake-connect` on one Kafka cluster; its Role
 * `<connect>-s3-keys` lets it read the lake's S3 key Secret.
 * @internal
 */
export function lakeKafkaConnect(scope: Construct, names: LakeNames, kafka: IKafkaCluster, options: LakeKafkaConnectOptions): ConnectCluster {
  const name = `${names.prefix}-lake-connect`;
  return new ConnectCluster(scope, 'KafkaConnect', {
    name,
    kafka,
    replicas: options.replicas ?? DEFAULT_KAFKA_CONNECT_REPLICAS,
    resources: options.resources ?? DEFAULT_KAFKA_CONNECT_RESOURCES,
    imageOptions: options,
    plugin: AIVEN_S3_SINK_PLUGIN,
    secretReaderName: `${name}-s3-keys`,
    secretNames: [names.credentialsSecret],
  });
}

/**
 * The Aiven S3 sink configuration delivering into `bucket` under `keyPrefix`: gzipped JSON lines
 * (the record values) under `<prefix><topic>/yyyy/MM/dd/HH/`, with the lake's S3 keys.
 * @internal
 */
export function lakeS3SinkConfig(names: LakeNames, bucket: string, keyPrefix: string): Record<string, any> {
  const secret = (key: string) => connectSecretRef(names.namespace, names.credentialsSecret, key);
  return {
    'aws.access.key.id': secret('accessKey'),
    'aws.secret.access.key': secret('secretKey'),
    'aws.s3.bucket.name': bucket,
    'aws.s3.endpoint': names.s3Endpoint,
    'aws.s3.region': LAKE_S3_REGION,
    'file.name.prefix': keyPrefix,
    'file.name.template': '{{topic}}/{{timestamp:unit=yyyy}}/{{timestamp:unit=MM}}/{{timestamp:unit=dd}}/{{timestamp:unit=HH}}/{{partition:padding=true}}-{{start_offset:padding=true}}.jsonl.gz',
    'file.compression.type': 'gzip',
    'format.output.type': 'jsonl',
    'format.output.fields': 'value',
    'format.output.fields.value.encoding': 'none',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': false,
  };
}

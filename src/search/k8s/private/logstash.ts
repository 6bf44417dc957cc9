import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { KafkaAuthentication } from '../../../streaming/k8s/kafka-cluster-options';
import { SearchBackupMode } from '../../search-cluster-contract';
import { LOGSTASH_API_VERSION } from '../eck-constants';
import {
  LOGSTASH_DATA_VOLUME_NAME, LOGSTASH_DEAD_LETTER_QUEUE_MAX_BYTES, LOGSTASH_DEAD_LETTER_QUEUE_RETAIN_AGE, LOGSTASH_ES_REF_NAME,
  LOGSTASH_INIT_CONTAINER_NAME, LOGSTASH_PIPELINE_ID, LOGSTASH_QUEUE_MAX_BYTES, LOGSTASH_RUN_AS_USER,
} from '../logstash-constants';

const KAFKA_USER_DIR = '/mnt/kafka/user';
const KAFKA_CA_DIR = '/mnt/kafka/ca';

/** Logstash writes its config and keystore into the image's directories: no read-only root filesystem. */
const { readOnlyRootFilesystem: _rw, ...LOGSTASH_CONTAINER_SECURITY_CONTEXT } = RESTRICTED_CONTAINER_SECURITY_CONTEXT;

/** Inputs of a destination's Logstash. @internal */
export interface LogstashInput {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly podLabels: Record<string, string>;
  readonly version: string;
  readonly count: number;
  readonly resources: ResourceRequirements;
  readonly storageSizeGiB: number;
  readonly storageClassName?: string;
  readonly clusterName: string;
  readonly namespace: string;
  readonly bootstrapServers: string;
  readonly kafkaClusterName: string;
  readonly authentication: KafkaAuthentication;
  /** The KafkaUser (and its Secret, and the consumer group): the Logstash name. */
  readonly kafkaUser: string;
  readonly topicName: string;
  /** basic-auth Secret of the Elasticsearch writer user. */
  readonly credentialSecretName: string;
  readonly index: string;
  readonly backupMode: SearchBackupMode;
  /** Topic every event is also written to (ALL_DOCUMENTS). */
  readonly archiveTopic?: string;
}

/** The Kafka client settings of the input and the archive output (TLS, mTLS or SCRAM-SHA-512). @internal */
export function kafkaClientSettings(authentication: KafkaAuthentication): string[] {
  const trust = [
    `ssl_truststore_location => "${KAFKA_CA_DIR}/ca.p12"`,
    'ssl_truststore_type => "PKCS12"',
    'ssl_truststore_password => "${KAFKA_TRUSTSTORE_PASSWORD}"',
  ];
  if (authentication === KafkaAuthentication.SCRAM_SHA_512) {
    return ['security_protocol => "SASL_SSL"', 'sasl_mechanism => "SCRAM-SHA-512"', 'sasl_jaas_config => "${KAFKA_SASL_JAAS_CONFIG}"', ...trust];
  }
  return [
    'security_protocol => "SSL"',
    ...trust,
    `ssl_keystore_location => "${KAFKA_USER_DIR}/user.p12"`,
    'ssl_keystore_type => "PKCS12"',
    'ssl_keystore_password => "${KAFKA_KEYSTORE_PASSWORD}"',
  ];
}

function block(name: string, settings: string[]): string {
  return `  ${name} {\n${settings.map((s) => `    ${s}`).join('\n')}\n  }`;
}

/**
 * The pipeline: Kafka (TLS, the destination's KafkaUser, consumer group = that user, JSON records)
 * -> Elasticsearch (`action => "create"` into `index`, TLS verified with ECK's CA, the writer user).
 * Rejected documents go to the dead letter queue; with ALL_DOCUMENTS every event is also written to
 * the archive topic.
 * @internal
 */
export function logstashPipeline(input: LogstashInput): string {
  const es = LOGSTASH_ES_REF_NAME.toUpperCase();
  const kafka = kafkaClientSettings(input.authentication);
  const outputs = [
    block('elasticsearch', [
      'id => "elasticsearch"',
      `hosts => ["\${${es}_ES_HOSTS}"]`,
      'user => "${ES_USERNAME}"',
      'password => "${ES_PASSWORD}"',
      'ssl_enabled => true',
      'ssl_verification_mode => "full"',
      `ssl_certificate_authorities => ["\${${es}_ES_SSL_CERTIFICATE_AUTHORITY}"]`,
      `index => "${input.index}"`,
      'action => "create"',
      'data_stream => "false"',
      'ilm_enabled => "false"',
      'manage_template => false',
    ]),
    ...(input.archiveTopic ? [block('kafka', [
      'id => "archive"',
      `bootstrap_servers => "${input.bootstrapServers}"`,
      `topic_id => "${input.archiveTopic}"`,
      `client_id => "${input.kafkaUser}-archive"`,
      'codec => json',
      'acks => "all"',
      ...kafka,
    ])] : []),
  ];
  return [
    'input {',
    block('kafka', [
      'id => "kafka"',
      `bootstrap_servers => "${input.bootstrapServers}"`,
      `topics => ["${input.topicName}"]`,
      `group_id => "${input.kafkaUser}"`,
      `client_id => "${input.kafkaUser}"`,
      'auto_offset_reset => "earliest"',
      'codec => json',
      ...kafka,
    ]),
    '}',
    'output {',
    ...outputs,
    '}',
    '',
  ].join('\n');
}

/**
 * The Logstash resource of one destination: the pipeline above, a persisted queue and the dead
 * letter queue on a persistent volume, the Elasticsearch reference (hosts and CA; the user is the
 * destination's writer, not ECK's `eck_logstash_user_role`, which may only write `logstash-*`,
 * `logs-*`... indices), Kafka credentials mounted from the KafkaUser and cluster CA Secrets,
 * Pod Security "restricted" (ECK's init container included).
 * @internal
 */
export function logstashResource(input: LogstashInput): KubernetesObject {
  const secretEnv = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });
  const caSecret = `${input.kafkaClusterName}-cluster-ca-cert`;
  const kafkaEnv = input.authentication === KafkaAuthentication.SCRAM_SHA_512
    ? [secretEnv('KAFKA_SASL_JAAS_CONFIG', input.kafkaUser, 'sasl.jaas.config')]
    : [secretEnv('KAFKA_KEYSTORE_PASSWORD', input.kafkaUser, 'user.password')];
  const userVolume = input.authentication === KafkaAuthentication.TLS;
  return {
    apiVersion: LOGSTASH_API_VERSION,
    kind: 'Logstash',
    metadata: { name: input.name, labels: input.labels },
    spec: {
      version: input.version,
      count: input.count,
      elasticsearchRefs: [{ name: input.clusterName, clusterName: LOGSTASH_ES_REF_NAME }],
      config: {
        'queue.type': 'persisted',
        'queue.max_bytes': LOGSTASH_QUEUE_MAX_BYTES,
        'dead_letter_queue.enable': true,
        'dead_letter_queue.max_bytes': LOGSTASH_DEAD_LETTER_QUEUE_MAX_BYTES,
        'dead_letter_queue.storage_policy': 'drop_older',
        'dead_letter_queue.retain.age': LOGSTASH_DEAD_LETTER_QUEUE_RETAIN_AGE,
      },
      pipelines: [{ 'pipeline.id': LOGSTASH_PIPELINE_ID, 'config.string': logstashPipeline(input) }],
      volumeClaimTemplates: [{
        metadata: { name: LOGSTASH_DATA_VOLUME_NAME },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: `${input.storageSizeGiB}Gi` } },
          ...(input.storageClassName ? { storageClassName: input.storageClassName } : {}),
        },
      }],
      podTemplate: {
        metadata: { labels: { ...input.labels, ...input.podLabels } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: {
            ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: LOGSTASH_RUN_AS_USER, runAsGroup: LOGSTASH_RUN_AS_USER, fsGroup: LOGSTASH_RUN_AS_USER,
          },
          initContainers: [{ name: LOGSTASH_INIT_CONTAINER_NAME, securityContext: LOGSTASH_CONTAINER_SECURITY_CONTEXT }],
          containers: [{
            name: 'logstash',
            resources: toK8sResources(input.resources),
            securityContext: LOGSTASH_CONTAINER_SECURITY_CONTEXT,
            env: [
              secretEnv('ES_USERNAME', input.credentialSecretName, 'username'),
              secretEnv('ES_PASSWORD', input.credentialSecretName, 'password'),
              secretEnv('KAFKA_TRUSTSTORE_PASSWORD', caSecret, 'ca.password'),
              ...kafkaEnv,
            ],
            volumeMounts: [
              { name: 'kafka-ca', mountPath: KAFKA_CA_DIR, readOnly: true },
              ...(userVolume ? [{ name: 'kafka-user', mountPath: KAFKA_USER_DIR, readOnly: true }] : []),
            ],
          }],
          volumes: [
            { name: 'kafka-ca', secret: { secretName: caSecret, items: [{ key: 'ca.p12', path: 'ca.p12' }] } },
            ...(userVolume ? [{ name: 'kafka-user', secret: { secretName: input.kafkaUser, items: [{ key: 'user.p12', path: 'user.p12' }] } }] : []),
          ],
        },
      },
    },
  };
}

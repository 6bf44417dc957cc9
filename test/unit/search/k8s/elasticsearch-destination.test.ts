import { TerraformStack } from 'cdktf';
import { RemovalPolicy } from '../../../../src';
import { RESTRICTED_POD_SECURITY_CONTEXT } from '../../../../src/platform/k8s/pod-security';
import {
  DEFAULT_LOGSTASH_COUNT, DEFAULT_LOGSTASH_RESOURCES, DEFAULT_LOGSTASH_STORAGE_SIZE_GIB, ElasticsearchSearchCluster, ElasticsearchSearchClusterProps,
  SEARCH_ARCHIVE_PARTITIONS, SEARCH_ARCHIVE_RETENTION_HOURS,
} from '../../../../src/search/k8s';
import { LOGSTASH_DEAD_LETTER_QUEUE_PATH } from '../../../../src/search/k8s/logstash-constants';
import { SearchBackupMode, SearchDestinationOptions } from '../../../../src/search/search-cluster-contract';
import { KafkaStreamingIngest } from '../../../../src/streaming/k8s';
import { KafkaAuthentication } from '../../../../src/streaming/k8s/kafka-cluster-options';
import { inspect, platformStack } from '../../../support/kubernetes';

const LOGSTASH = 'acme-search-ls-clicks-clicks';

/** Terraform reads `$${` as `${`: the rendered values escape the environment references. */
function terraformValue(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

function destinationStack(
  options: Partial<SearchDestinationOptions> = {}, props: ElasticsearchSearchClusterProps = {}, authentication?: KafkaAuthentication,
): { stack: TerraformStack; search: ElasticsearchSearchCluster } {
  const stack = platformStack();
  const search = new ElasticsearchSearchCluster(stack, 'Search', props);
  new KafkaStreamingIngest(stack, 'Clicks', {
    cluster: authentication ? { authentication } : undefined,
    destinations: [search.destination({ index: 'clicks', ...options })],
  });
  return { stack, search };
}

function logstashOf(stack: TerraformStack): any {
  const found = inspect(stack).ofKind('Logstash');
  expect(found).toHaveLength(1);
  return found[0];
}

describe('ElasticsearchSearchCluster.destination: Logstash from Kafka', () => {
  test('a Logstash per bound StreamingIngest: version, count, Elasticsearch reference, persisted queue and dead letter queue on a volume', () => {
    const { stack } = destinationStack();
    const ls = logstashOf(stack);
    expect(ls.apiVersion).toBe('logstash.k8s.elastic.co/v1alpha1');
    expect(ls.metadata.name).toBe(LOGSTASH);
    expect(ls.spec.version).toBe('9.5.0');
    expect(ls.spec.count).toBe(DEFAULT_LOGSTASH_COUNT);
    expect(ls.spec.elasticsearchRefs).toEqual([{ name: 'acme-search', clusterName: 'search' }]);
    expect(ls.spec.config).toEqual({
      'queue.type': 'persisted',
      'queue.max_bytes': '1gb',
      'dead_letter_queue.enable': true,
      'dead_letter_queue.max_bytes': '4gb',
      'dead_letter_queue.storage_policy': 'drop_older',
      'dead_letter_queue.retain.age': '30d',
    });
    expect(LOGSTASH_DEAD_LETTER_QUEUE_PATH).toBe('/usr/share/logstash/data/dead_letter_queue');
    expect(ls.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'logstash-data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${DEFAULT_LOGSTASH_STORAGE_SIZE_GIB}Gi` } } },
    }]);
    expect(ls.spec.pipelines.map((p: any) => p['pipeline.id'])).toEqual(['kafka-to-elasticsearch']);
  });

  test('the pipeline: Kafka over mTLS as the destination\'s KafkaUser into the index over TLS verified with ECK\'s CA, as the writer user', () => {
    const { stack } = destinationStack();
    const config = terraformValue(logstashOf(stack).spec.pipelines[0]['config.string']);
    expect(config).toBe([
      'input {',
      '  kafka {',
      '    id => "kafka"',
      '    bootstrap_servers => "acme-kafka-kafka-bootstrap.acme.svc:9093"',
      '    topics => ["acme-clicks"]',
      `    group_id => "${LOGSTASH}"`,
      `    client_id => "${LOGSTASH}"`,
      '    auto_offset_reset => "earliest"',
      '    codec => json',
      '    security_protocol => "SSL"',
      '    ssl_truststore_location => "/mnt/kafka/ca/ca.p12"',
      '    ssl_truststore_type => "PKCS12"',
      '    ssl_truststore_password => "${KAFKA_TRUSTSTORE_PASSWORD}"',
      '    ssl_keystore_location => "/mnt/kafka/user/user.p12"',
      '    ssl_keystore_type => "PKCS12"',
      '    ssl_keystore_password => "${KAFKA_KEYSTORE_PASSWORD}"',
      '  }',
      '}',
      'output {',
      '  elasticsearch {',
      '    id => "elasticsearch"',
      '    hosts => ["${SEARCH_ES_HOSTS}"]',
      '    user => "${ES_USERNAME}"',
      '    password => "${ES_PASSWORD}"',
      '    ssl_enabled => true',
      '    ssl_verification_mode => "full"',
      '    ssl_certificate_authorities => ["${SEARCH_ES_SSL_CERTIFICATE_AUTHORITY}"]',
      '    index => "clicks"',
      '    action => "create"',
      '    data_stream => "false"',
      '    ilm_enabled => "false"',
      '    manage_template => false',
      '  }',
      '}',
      '',
    ].join('\n'));
    // In the Terraform configuration itself every `${` is escaped.
    expect(logstashOf(stack).spec.pipelines[0]['config.string']).toContain('hosts => ["$${SEARCH_ES_HOSTS}"]');
  });

  test('the pod: restricted security contexts (ECK\'s init container too), Kafka and Elasticsearch secrets, resources', () => {
    const { stack } = destinationStack();
    const pod = logstashOf(stack).spec.podTemplate.spec;
    const container = { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({ ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
    expect(pod.initContainers).toEqual([{ name: 'logstash-internal-init-config', securityContext: container }]);
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0]).toEqual({
      name: 'logstash',
      resources: {
        requests: { cpu: DEFAULT_LOGSTASH_RESOURCES.cpuRequest, memory: DEFAULT_LOGSTASH_RESOURCES.memoryRequest },
        limits: { memory: DEFAULT_LOGSTASH_RESOURCES.memoryLimit },
      },
      securityContext: container,
      env: [
        { name: 'ES_USERNAME', valueFrom: { secretKeyRef: { name: 'acme-search-ls-clicks-clicks', key: 'username' } } },
        { name: 'ES_PASSWORD', valueFrom: { secretKeyRef: { name: 'acme-search-ls-clicks-clicks', key: 'password' } } },
        { name: 'KAFKA_TRUSTSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: 'acme-kafka-cluster-ca-cert', key: 'ca.password' } } },
        { name: 'KAFKA_KEYSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: LOGSTASH, key: 'user.password' } } },
      ],
      volumeMounts: [
        { name: 'kafka-ca', mountPath: '/mnt/kafka/ca', readOnly: true },
        { name: 'kafka-user', mountPath: '/mnt/kafka/user', readOnly: true },
      ],
    });
    expect(pod.volumes).toEqual([
      { name: 'kafka-ca', secret: { secretName: 'acme-kafka-cluster-ca-cert', items: [{ key: 'ca.p12', path: 'ca.p12' }] } },
      { name: 'kafka-user', secret: { secretName: LOGSTASH, items: [{ key: 'user.p12', path: 'user.p12' }] } },
    ]);
    expect(logstashOf(stack).spec.podTemplate.metadata.labels['logstash.k8s.elastic.co/name']).toBe(LOGSTASH);
  });

  test('the KafkaUser may read the topic and its consumer group, nothing else', () => {
    const { stack } = destinationStack();
    const user = inspect(stack).ofKind('KafkaUser').find((u) => u.metadata.name === LOGSTASH);
    expect(user.spec).toEqual({
      authentication: { type: 'tls' },
      authorization: {
        type: 'simple',
        acls: [
          { resource: { type: 'topic', name: 'acme-clicks', patternType: 'literal' }, operations: ['Read', 'Describe'], host: '*' },
          { resource: { type: 'group', name: LOGSTASH, patternType: 'prefix' }, operations: ['Read'], host: '*' },
        ],
      },
    });
  });

  test('the writer: a generated user in the file realm whose role may only create documents in the index', () => {
    const { stack } = destinationStack();
    const es = inspect(stack).ofKind('Elasticsearch')[0];
    expect(es.spec.auth.fileRealm).toEqual([
      { secretName: 'acme-search-exporter' }, { secretName: 'acme-search-ls-clicks-clicks' }, { secretName: 'acme-search-custom-role-mapping' },
    ]);
    const secrets = inspect(stack).ofKind('Secret');
    const roles = JSON.parse(secrets.find((s) => s.metadata.name === 'acme-search-custom-roles').stringData['roles.yml']);
    expect(roles.acme_search_ls_clicks_clicks_writer).toEqual({
      cluster: ['monitor'], indices: [{ names: ['clicks'], privileges: ['create_doc', 'create_index', 'view_index_metadata'] }],
    });
    expect(secrets.find((s) => s.metadata.name === 'acme-search-custom-role-mapping').stringData.users_roles).toBe(
      'acme_search_exporter:acme_search_exporter\nacme_search_ls_clicks_clicks_writer:acme_search_ls_clicks_clicks\n');
  });

  test('ALL_DOCUMENTS: every record also goes to an archive topic (90 days, 3 replicas) the KafkaUser may write', () => {
    const { stack } = destinationStack({ backupMode: SearchBackupMode.ALL_DOCUMENTS });
    const topic = inspect(stack).ofKind('KafkaTopic').find((t) => t.metadata.name === 'acme-clicks-clicks-archive');
    expect(topic.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(topic.metadata.labels['strimzi.io/cluster']).toBe('acme-kafka');
    expect(topic.spec).toEqual({
      partitions: SEARCH_ARCHIVE_PARTITIONS,
      replicas: 3,
      config: { 'retention.ms': SEARCH_ARCHIVE_RETENTION_HOURS * 3_600_000, 'min.insync.replicas': 2, 'cleanup.policy': 'delete' },
    });
    expect(SEARCH_ARCHIVE_RETENTION_HOURS).toBe(2160);
    const user = inspect(stack).ofKind('KafkaUser').find((u) => u.metadata.name === LOGSTASH);
    expect(user.spec.authorization.acls).toContainEqual(
      { resource: { type: 'topic', name: 'acme-clicks-clicks-archive', patternType: 'literal' }, operations: ['Write', 'Describe'], host: '*' });
    const config = terraformValue(logstashOf(stack).spec.pipelines[0]['config.string']);
    expect(config).toContain([
      '  kafka {',
      '    id => "archive"',
      '    bootstrap_servers => "acme-kafka-kafka-bootstrap.acme.svc:9093"',
      '    topic_id => "acme-clicks-clicks-archive"',
      `    client_id => "${LOGSTASH}-archive"`,
      '    codec => json',
      '    acks => "all"',
      '    security_protocol => "SSL"',
    ].join('\n'));
  });

  test('FAILED_DOCUMENTS_ONLY (the default) creates no archive topic', () => {
    const { stack } = destinationStack();
    expect(inspect(stack).ofKind('KafkaTopic').map((t) => t.metadata.name)).not.toContain('acme-clicks-clicks-archive');
    expect(logstashOf(stack).spec.pipelines[0]['config.string']).not.toContain('archive');
  });

  test('SCRAM-SHA-512 clusters: SASL_SSL with the KafkaUser\'s JAAS config, no keystore', () => {
    const { stack } = destinationStack({}, {}, KafkaAuthentication.SCRAM_SHA_512);
    const ls = logstashOf(stack);
    const config = terraformValue(ls.spec.pipelines[0]['config.string']);
    expect(config).toContain([
      '    security_protocol => "SASL_SSL"',
      '    sasl_mechanism => "SCRAM-SHA-512"',
      '    sasl_jaas_config => "${KAFKA_SASL_JAAS_CONFIG}"',
      '    ssl_truststore_location => "/mnt/kafka/ca/ca.p12"',
    ].join('\n'));
    expect(config).not.toContain('ssl_keystore');
    const pod = ls.spec.podTemplate.spec;
    expect(pod.containers[0].env[3]).toEqual({ name: 'KAFKA_SASL_JAAS_CONFIG', valueFrom: { secretKeyRef: { name: LOGSTASH, key: 'sasl.jaas.config' } } });
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['kafka-ca']);
  });

  test('logstash options: count, resources, volume size and the storage class', () => {
    const { stack } = destinationStack({}, {
      storageClassName: 'fast-ssd', logstash: { count: 3, storageSizeGiB: 20, resources: { cpuRequest: '1', memoryRequest: '4Gi', memoryLimit: '4Gi' } },
    });
    const ls = logstashOf(stack);
    expect(ls.spec.count).toBe(3);
    expect(ls.spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'fast-ssd' });
    expect(ls.spec.podTemplate.spec.containers[0].resources).toEqual({ requests: { cpu: '1', memory: '4Gi' }, limits: { memory: '4Gi' } });
  });

  test('destinationName: the index with hyphens by default, or the given one', () => {
    const stack = platformStack();
    const search = new ElasticsearchSearchCluster(stack, 'Search', { removalPolicy: RemovalPolicy.RETAIN });
    expect(search.destination({ index: 'click_events' }).destinationName).toBe('click-events');
    expect(search.destination({ index: 'click_events', destinationName: 'es' }).destinationName).toBe('es');
  });

  test('network: the Logstash pods may reach Elasticsearch on 9200 and the nodes accept them', () => {
    const { stack } = destinationStack();
    const { policy } = inspect(stack);
    const ingress = policy('allow-acme-search-es-from-acme-search-ls-clicks-clicks');
    expect(ingress.spec.pod_selector.match_labels).toEqual({ 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-search', 'common.k8s.elastic.co/type': 'elasticsearch' });
    expect(ingress.spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: { 'logstash.k8s.elastic.co/name': LOGSTASH } } }], ports: [{ port: '9200', protocol: 'TCP' }] }]);
    const egress = policy('allow-acme-search-ls-clicks-clicks-to-es');
    expect(egress.spec.pod_selector.match_labels).toEqual({ 'logstash.k8s.elastic.co/name': LOGSTASH });
    expect(egress.spec.egress).toEqual([{
      to: [{ pod_selector: { match_labels: { 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-search', 'common.k8s.elastic.co/type': 'elasticsearch' } } }],
      ports: [{ port: '9200', protocol: 'TCP' }],
    }]);
    expect(egress.spec.policy_types).toEqual(['Egress']);
  });
});

describe('ElasticsearchSearchCluster.destination: errors', () => {
  test('index', () => {
    const search = new ElasticsearchSearchCluster(platformStack(), 'Search');
    expect(() => search.destination({ index: 'Clicks' })).toThrow(
      'test/Search: invalid index: received "Clicks"; use 1 to 200 lowercase letters, digits, "-" and "_", starting with a letter or digit.');
    expect(() => search.destination({ index: '_internal' })).toThrow('test/Search: invalid index: received "_internal"');
  });

  test('backupMode', () => {
    const search = new ElasticsearchSearchCluster(platformStack(), 'Search');
    expect(() => search.destination({ index: 'clicks', backupMode: 'some' as SearchBackupMode })).toThrow(
      'test/Search: invalid backupMode: received "some"; use one of failed-documents-only, all-documents.');
  });

  test('bindFirehose: Kubernetes only, named like the other Kubernetes-only destinations', () => {
    const stack = platformStack();
    const search = new ElasticsearchSearchCluster(stack, 'Search');
    expect(() => search.destination({ index: 'clicks' }).bindFirehose(search, {} as any)).toThrow(
      'test/Search: the ElasticsearchSearchCluster destination "clicks" loads through Logstash on Kubernetes; use a Kafka StreamingIngest, or an OpenSearch search cluster\'s destination on AWS.');
  });

  test('the same destination twice on one StreamingIngest', () => {
    const stack = platformStack();
    const search = new ElasticsearchSearchCluster(stack, 'Search');
    expect(() => new KafkaStreamingIngest(stack, 'Clicks', {
      destinations: [search.destination({ index: 'clicks' }), search.destination({ index: 'clicks' })],
    })).toThrow('test/Clicks: invalid destinationName: received "clicks"; the cluster test/Search already loads this StreamingIngest into a destination of that name; '
      + 'give each destination its own destinationName.');
  });
});

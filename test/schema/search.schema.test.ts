import * as fs from 'fs';
import * as path from 'path';
import { KubernetesPlatform } from '../../src';
import { ElasticsearchAntiAffinity, ElasticsearchSearchCluster } from '../../src/search/k8s';
import { SearchBackupMode } from '../../src/search/search-cluster-contract';
import { KafkaStreamingIngest } from '../../src/streaming/k8s';
import { KafkaAuthentication } from '../../src/streaming/k8s/kafka-cluster-options';
import { describeWithSchemas, formatErrors, schemasDir, synthesizedCustomResources, validateCustomResource } from '../support/schemas';
import { newStack, synth } from '../support/synth';

/** Charts whose values the shared upstream schemas cannot validate, with the reason. */
const NO_VALUES_SCHEMA: Record<string, string> = {
  'eck-operator': 'the eck-operator chart ships no values.schema.json (none among the shared upstream schemas); the keys used are pinned below '
    + 'and were checked against the chart\'s values.yaml at 3.5.0 by hand; its custom resources are validated against eck/all-crds.yaml',
};

const ECK_KINDS = ['Elasticsearch', 'Kibana', 'Logstash', 'Beat'];

/** Everything a search cluster generates: TLS certificate options, two destinations (both backup modes), SCRAM, log shipping. */
function fullStack(authentication = KafkaAuthentication.TLS) {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', storageClassName: 'fast-ssd' });
  const search = new ElasticsearchSearchCluster(stack, 'Search', {
    httpCertificateSecretName: 'search-tls', antiAffinity: ElasticsearchAntiAffinity.PREFERRED, logstash: { count: 2 },
  });
  new ElasticsearchSearchCluster(stack, 'Audit', { nodes: 1, allowMmap: true });
  new KafkaStreamingIngest(stack, 'Clicks', {
    cluster: { authentication },
    destinations: [search.destination({ index: 'clicks' }), search.destination({ index: 'clicks_all', backupMode: SearchBackupMode.ALL_DOCUMENTS })],
  });
  search.ingestLogs('Pipeline', { namespaces: ['acme'] });
  return synth(stack);
}

function eckResources(out: ReturnType<typeof synth>): any[] {
  return synthesizedCustomResources(out.json).filter((r) => ECK_KINDS.includes(r.kind));
}

describeWithSchemas('search custom resources validate against the ECK 3.5.0 CRDs (eck/all-crds.yaml)', () => {
  test('every Elasticsearch, Kibana, Logstash and Beat of two clusters, two destinations and a log shipper validates', () => {
    const resources = eckResources(fullStack());
    expect(resources.map((r) => r.kind).sort()).toEqual(['Beat', 'Elasticsearch', 'Elasticsearch', 'Kibana', 'Kibana', 'Logstash', 'Logstash']);
    for (const resource of resources) expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
  });

  test('the SCRAM-SHA-512 variant of the Logstash validates too', () => {
    const resources = eckResources(fullStack(KafkaAuthentication.SCRAM_SHA_512)).filter((r) => r.kind === 'Logstash');
    expect(resources).toHaveLength(2);
    for (const resource of resources) expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
  });

  test('the Kafka resources the destinations add (KafkaUsers, the archive topic) validate against the Strimzi CRDs', () => {
    const kafka = synthesizedCustomResources(fullStack().json).filter((r) => ['KafkaUser', 'KafkaTopic'].includes(r.kind));
    expect(kafka.map((r) => r.metadata.name)).toEqual(expect.arrayContaining(['acme-clicks-clicks-all-archive']));
    for (const resource of kafka) expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
  });

  test('the validator catches misspelled or invalid fields in what the cluster generates', () => {
    const resources = eckResources(fullStack());
    const es = resources.find((r) => r.kind === 'Elasticsearch');
    expect(validateCustomResource({ ...es, spec: { ...es.spec, volumeClaimDeletePolicy: 'Keep' } }).some((e) => e.keyword === 'enum')).toBe(true);
    expect(validateCustomResource({ ...es, spec: { ...es.spec, auth: { fileRealms: [] } } }).some((e) => e.params.additionalProperty === 'fileRealms')).toBe(true);
    const nodeSet = { ...es.spec.nodeSets[0], replicas: 3 };
    expect(validateCustomResource({ ...es, spec: { ...es.spec, nodeSets: [nodeSet] } }).some((e) => e.params.additionalProperty === 'replicas')).toBe(true);
    const kb = resources.find((r) => r.kind === 'Kibana');
    expect(validateCustomResource({ ...kb, spec: { ...kb.spec, elasticsearchRef: { cluster: 'x' } } }).some((e) => e.params.additionalProperty === 'cluster')).toBe(true);
    const ls = resources.find((r) => r.kind === 'Logstash');
    expect(validateCustomResource({ ...ls, spec: { ...ls.spec, count: 'two' } }).some((e) => e.keyword === 'type')).toBe(true);
    const beat = resources.find((r) => r.kind === 'Beat');
    const { version: _version, ...withoutVersion } = beat.spec;
    expect(validateCustomResource({ ...beat, spec: withoutVersion }).some((e) => e.keyword === 'required')).toBe(true);
  });

  test('the eck-operator chart values are listed as unvalidated, with the keys they use pinned', () => {
    const releases = Object.values<any>(fullStack().resources('helm_release')).filter((r) => r.chart === 'eck-operator');
    expect(releases).toHaveLength(1);
    expect(NO_VALUES_SCHEMA[releases[0].chart]).toContain('ships no values.schema.json');
    expect(fs.existsSync(path.join(schemasDir(), 'eck'))).toBe(true);
    expect(fs.readdirSync(path.join(schemasDir(), 'eck'))).toEqual(['all-crds.yaml']);
    expect(Object.keys(JSON.parse(releases[0].values[0]))).toEqual([
      'managedNamespaces', 'createClusterScopedResources', 'installCRDs', 'resources', 'podLabels', 'podSecurityContext', 'securityContext', 'webhook',
      'telemetry', 'serviceMonitor',
    ]);
  });
});

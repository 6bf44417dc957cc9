import { KubernetesPlatform, STRIMZI_CHART } from '../../../../src';
import {
  DEFAULT_STRIMZI_OPERATOR_RESOURCES, KAFKA_AGENT_PORT, KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT, STRIMZI_POD_SECURITY_PROVIDER,
  StrimziOperator,
} from '../../../../src/streaming/k8s';
import { newStack, synth } from '../../../support/synth';

function operatorStack(props?: ConstructorParameters<typeof StrimziOperator>[2]) {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', namespace: 'data' });
  const operator = new StrimziOperator(stack, 'StrimziOperator', props);
  return { stack, operator };
}

describe('StrimziOperator', () => {
  test('installs the pinned OCI chart in the platform namespace', () => {
    const { stack } = operatorStack();
    const release = synth(stack).only('helm_release');
    expect(release.repository).toBe(STRIMZI_CHART.repository);
    expect(release.repository).toBe('oci://quay.io/strimzi-helm');
    expect(release.chart).toBe(STRIMZI_CHART.chart);
    expect(release.version).toBe(STRIMZI_CHART.version);
    expect(release.namespace).toBe('data');
    expect(release.name).toBe('acme-strimzi');
    expect(release.atomic).toBe(true);
    expect(release.depends_on).toEqual(expect.arrayContaining(['kubernetes_namespace_v1.Platform_Namespace_8B005C5C']));
  });

  test('watches only its namespace, with resources and Pod Security "restricted" for itself and its operands', () => {
    const { stack } = operatorStack();
    const values = JSON.parse(synth(stack).only('helm_release').values[0]);
    expect(values.watchNamespaces).toEqual([]);
    expect(values.watchAnyNamespace).toBe(false);
    expect(values.resources).toEqual({
      requests: { cpu: DEFAULT_STRIMZI_OPERATOR_RESOURCES.cpuRequest, memory: DEFAULT_STRIMZI_OPERATOR_RESOURCES.memoryRequest },
      limits: { cpu: DEFAULT_STRIMZI_OPERATOR_RESOURCES.cpuLimit, memory: DEFAULT_STRIMZI_OPERATOR_RESOURCES.memoryLimit },
    });
    expect(values.extraEnvs).toEqual([{ name: 'STRIMZI_POD_SECURITY_PROVIDER_CLASS', value: STRIMZI_POD_SECURITY_PROVIDER }]);
    expect(STRIMZI_POD_SECURITY_PROVIDER).toBe('restricted');
    expect(values.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(values.podSecurityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(values.generateNetworkPolicy).toBe(true);
  });

  test('custom resources are honoured', () => {
    const { stack } = operatorStack({ resources: { cpuRequest: '100m', memoryRequest: '512Mi', memoryLimit: '512Mi' } });
    const values = JSON.parse(synth(stack).only('helm_release').values[0]);
    expect(values.resources).toEqual({ requests: { cpu: '100m', memory: '512Mi' }, limits: { memory: '512Mi' } });
  });

  test('allows egress to the Kubernetes API and to Kafka pods on the Strimzi ports only', () => {
    const { stack } = operatorStack();
    const policies = Object.values<any>(synth(stack).resources('kubernetes_network_policy_v1'));
    const policy = policies.find((p) => p.metadata.name === 'allow-strimzi-operator');
    expect(policy).toBeDefined();
    const spec = policy.spec;
    expect(spec.pod_selector.match_labels).toEqual({ 'strimzi.io/kind': 'cluster-operator' });
    expect(spec.policy_types).toEqual(['Egress']);
    expect(spec.egress).toEqual([
      { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }, { port: '6443', protocol: 'TCP' }] },
      {
        to: [{ pod_selector: { match_labels: { 'strimzi.io/kind': 'Kafka' } } }],
        ports: [KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT, KAFKA_AGENT_PORT].map((p) => ({ port: String(p), protocol: 'TCP' })),
      },
    ]);
  });

  test('one per stack: of() finds or creates it', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const first = StrimziOperator.of(stack);
    expect(StrimziOperator.of(first)).toBe(first);
    expect(first.node.path).toBe('test/StrimziOperator');
    expect(() => new StrimziOperator(stack, 'Other')).toThrow(
      'test/Other: stack "test" already has a Strimzi operator at test/StrimziOperator; use StrimziOperator.of(scope).',
    );
  });

  test('rejects resources that are not Kubernetes quantities', () => {
    expect(() => operatorStack({ resources: { cpuRequest: 'lots', memoryRequest: '512Mi', memoryLimit: '512Mi' } })).toThrow(
      'test/StrimziOperator: invalid resources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "512Mi".',
    );
  });
});

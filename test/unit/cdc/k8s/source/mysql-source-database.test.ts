import { execFileSync } from 'child_process';
import { inspect, platformStack, SECRETS_MANAGER_STORE, tcp } from './source-fixture';
import { RemovalPolicy } from '../../../../../src';
import { SourceEngine } from '../../../../../src/cdc';
import {
  CaCertificateKind, DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS, DEFAULT_MYSQL_RESOURCES, DEFAULT_MYSQL_STORAGE_SIZE_GIB, MYSQL_SERVER_ID,
  MySqlSourceDatabase, MySqlSourceDatabaseProps,
} from '../../../../../src/cdc/k8s/source';
import { MYSQL_IMAGE, MYSQL_IMAGE_USER_ID } from '../../../../../src/platform/k8s/source-versions';

const POD = { 'app.kubernetes.io/instance': 'acme-shop', 'app.kubernetes.io/name': 'mysql' };
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function source(props: MySqlSourceDatabaseProps = {}, platform = {}) {
  const stack = platformStack(platform);
  const db = new MySqlSourceDatabase(stack, 'Shop', props);
  const found = inspect(stack);
  const sts = found.out.only('kubernetes_stateful_set_v1');
  return { stack, db, sts, pod: sts.spec.template.spec, container: sts.spec.template.spec.container[0], ...found };
}

describe('MySqlSourceDatabase: the StatefulSet', () => {
  test('one replica of the pinned official image behind a headless Service, kept (prevent_destroy, volume retained)', () => {
    const { sts, container, db, out } = source();
    expect(MYSQL_IMAGE).toBe('mysql:8.4.10');
    expect(container.image).toBe(MYSQL_IMAGE);
    expect(container.image_pull_policy).toBe('IfNotPresent');
    expect(sts.metadata).toMatchObject({ name: 'acme-shop', namespace: 'acme' });
    expect(sts.spec.replicas).toBe('1');
    expect(sts.spec.service_name).toBe('acme-shop-headless');
    expect(sts.spec.selector).toEqual({ match_labels: POD });
    expect(sts.spec.template.metadata.labels).toMatchObject({ ...POD, 'app.kubernetes.io/component': 'cdc-source' });
    expect(sts.spec.persistent_volume_claim_retention_policy).toEqual([{ when_deleted: 'Retain', when_scaled: 'Retain' }]);
    expect(sts.lifecycle).toEqual({ prevent_destroy: true });
    expect(sts.spec.volume_claim_template).toEqual([{
      metadata: { name: 'data', labels: POD },
      spec: { access_modes: ['ReadWriteOnce'], resources: { requests: { storage: `${DEFAULT_MYSQL_STORAGE_SIZE_GIB}Gi` } } },
    }]);
    expect(container.resources).toEqual({
      requests: { cpu: DEFAULT_MYSQL_RESOURCES.cpuRequest, memory: DEFAULT_MYSQL_RESOURCES.memoryRequest },
      limits: { memory: DEFAULT_MYSQL_RESOURCES.memoryLimit },
    });
    expect(container.port).toEqual([{ name: 'mysql', container_port: 3306, protocol: 'TCP' }]);
    expect(db.engine).toBe(SourceEngine.MYSQL);
    expect(db.host).toBe('acme-shop.acme.svc');
    expect(db.port).toBe(3306);
    expect(db.databaseName).toBe('app');
    expect(db.tlsRequired).toBe(true);
    expect(db.caCertificate).toBeUndefined();
    expect(db.podLabels).toEqual(POD);
    const services = Object.values<any>(out.resources('kubernetes_service_v1'));
    expect(services.map((s) => [s.metadata.name, s.spec])).toEqual([
      ['acme-shop-headless', { cluster_ip: 'None', publish_not_ready_addresses: true, selector: POD, port: [{ name: 'mysql', port: 3306, target_port: 'mysql' }] }],
      ['acme-shop', { type: 'ClusterIP', selector: POD, port: [{ name: 'mysql', port: 3306, target_port: 'mysql' }] }],
    ]);
  });

  test('mysqld arguments, one by one: binlog for CDC, GTIDs, retention, TLS required, hardening', () => {
    const { container } = source();
    const args: string[] = container.args;
    expect(args[0]).toBe('--datadir=/var/lib/mysql/data');
    expect(args[1]).toBe(`--server-id=${MYSQL_SERVER_ID}`);
    expect(args[2]).toBe('--log-bin=binlog');
    expect(args[3]).toBe('--binlog-format=ROW');
    expect(args[4]).toBe('--binlog-row-image=FULL');
    expect(args[5]).toBe('--gtid-mode=ON');
    expect(args[6]).toBe('--enforce-gtid-consistency=ON');
    expect(args[7]).toBe(`--binlog-expire-logs-seconds=${DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS}`);
    expect(DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS).toBe(7 * 24 * 3600);
    expect(args[8]).toBe('--require-secure-transport=ON');
    expect(args[9]).toBe('--tls-version=TLSv1.2,TLSv1.3');
    expect(args[10]).toBe('--mysqlx=OFF');
    expect(args[11]).toBe('--secure-file-priv=NULL');
    expect(args[12]).toBe('--local-infile=OFF');
    expect(args[13]).toBe('--skip-name-resolve');
    expect(args).toHaveLength(14);
    expect(container.command).toBeUndefined();
  });

  test('security contexts, one by one: non-root 999, fsGroup, read-only root, no capabilities, seccomp; no service account token', () => {
    const { pod, container } = source();
    expect(MYSQL_IMAGE_USER_ID).toBe(999);
    const psc = pod.security_context;
    expect(psc.run_as_non_root).toBe(true);
    expect(psc.run_as_user).toBe('999');
    expect(psc.run_as_group).toBe('999');
    expect(psc.fs_group).toBe('999');
    expect(psc.fs_group_change_policy).toBe('OnRootMismatch');
    expect(psc.seccomp_profile).toEqual({ type: 'RuntimeDefault' });
    expect(Object.keys(psc).sort()).toEqual(['fs_group', 'fs_group_change_policy', 'run_as_group', 'run_as_non_root', 'run_as_user', 'seccomp_profile']);
    const csc = container.security_context;
    expect(csc.run_as_non_root).toBe(true);
    expect(csc.run_as_user).toBe('999');
    expect(csc.run_as_group).toBe('999');
    expect(csc.allow_privilege_escalation).toBe(false);
    expect(csc.privileged).toBe(false);
    expect(csc.read_only_root_filesystem).toBe(true);
    expect(csc.capabilities).toEqual({ drop: ['ALL'] });
    expect(csc.seccomp_profile).toEqual({ type: 'RuntimeDefault' });
    expect(Object.keys(csc)).toHaveLength(8);
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.enable_service_links).toBe(false);
    expect(pod.termination_grace_period_seconds).toBe(60);
  });

  test('writable paths: the volume, emptyDirs for the socket and temporary files; the first-start script read-only', () => {
    const { pod, container } = source();
    expect(container.volume_mount).toEqual([
      { name: 'data', mount_path: '/var/lib/mysql' },
      { name: 'run', mount_path: '/var/run/mysqld' },
      { name: 'tmp', mount_path: '/tmp' },
      { name: 'initdb', mount_path: '/docker-entrypoint-initdb.d', read_only: true },
    ]);
    expect(pod.volume).toEqual([
      { name: 'run', empty_dir: {} },
      { name: 'tmp', empty_dir: { size_limit: '1Gi' } },
      { name: 'initdb', config_map: { name: expect.stringContaining('kubernetes_config_map_v1.Shop_InitScripts'), default_mode: '0444' } },
    ]);
  });

  test('probes: startup and readiness on the port, liveness by mysqladmin ping over the socket', () => {
    const { container } = source();
    expect(container.startup_probe).toEqual({ tcp_socket: [{ port: 'mysql' }], period_seconds: 10, failure_threshold: 90 });
    expect(container.readiness_probe).toEqual({ tcp_socket: [{ port: 'mysql' }], period_seconds: 5, failure_threshold: 3 });
    expect(container.liveness_probe).toEqual({
      exec: { command: ['mysqladmin', '--protocol=socket', 'ping'] }, period_seconds: 10, timeout_seconds: 5, failure_threshold: 6,
    });
  });

  test('credentials: root (local only), application user and CDC user from SecretStore Secrets, never literal passwords', () => {
    const { container, db, secrets } = source();
    const fromSecret = (name: string, key: string) => ({ secret_key_ref: { name, key } });
    expect(container.env).toEqual([
      { name: 'MYSQL_ROOT_PASSWORD', value_from: fromSecret('acme-shop-root', 'password') },
      { name: 'MYSQL_ROOT_HOST', value: 'localhost' },
      { name: 'MYSQL_DATABASE', value: 'app' },
      { name: 'MYSQL_USER', value_from: fromSecret('acme-shop-app', 'username') },
      { name: 'MYSQL_PASSWORD', value_from: fromSecret('acme-shop-app', 'password') },
      { name: 'MYSQL_CDC_USER', value_from: fromSecret('acme-shop-cdc', 'username') },
      { name: 'MYSQL_CDC_PASSWORD', value_from: fromSecret('acme-shop-cdc', 'password') },
    ]);
    expect(db.rootCredential).toMatchObject({ credentialName: 'acme-shop-root', username: 'root' });
    expect(db.appCredential).toMatchObject({ credentialName: 'acme-shop-app', username: 'app' });
    expect(db.cdcCredential).toMatchObject({ credentialName: 'acme-shop-cdc', username: 'cdc', kubernetesSecretName: 'acme-shop-cdc' });
    expect(secrets.map((s) => s.metadata.name).sort()).toEqual(['acme-shop-app', 'acme-shop-cdc', 'acme-shop-root']);
    secrets.forEach((s) => expect(s.data).toBeUndefined());
  });

  test('the first-start script creates the CDC user with Debezium\'s grants, REQUIRE SSL, from the environment (Terraform-escaped)', () => {
    const { out } = source();
    const data = out.only('kubernetes_config_map_v1').data['10-cdc-user.sh'];
    expect(data).not.toMatch(/(^|[^$])\$\{/);
    const script = data.replace(/\$\$\{/g, '${');
    expect(script.split('\n')).toEqual([
      '#!/bin/bash',
      '# Creates the CDC user at first start; the password comes from the credential\'s Secret.',
      'cdc_password="${MYSQL_CDC_PASSWORD//\\\\/\\\\\\\\}"',
      'cdc_password="${cdc_password//\\\'/\\\'\\\'}"',
      'docker_process_sql --database=mysql <<EOSQL',
      'CREATE USER \'${MYSQL_CDC_USER}\'@\'%\' IDENTIFIED BY \'${cdc_password}\' REQUIRE SSL;',
      'GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO \'${MYSQL_CDC_USER}\'@\'%\';',
      'EOSQL',
      'unset cdc_password',
      '',
    ]);
    // Sourced the way the image's entrypoint does (bash, errexit), with a stand-in for its SQL client.
    const sql = execFileSync('bash', ['-c', `set -eo pipefail; docker_process_sql() { echo "-- $*"; cat; }; . /dev/stdin <<'SCRIPT'\n${script}SCRIPT`], {
      env: { PATH: process.env.PATH, MYSQL_CDC_USER: 'cdc', MYSQL_CDC_PASSWORD: 'p\'q\\r"s$t' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
    expect(sql.split('\n')).toEqual([
      '-- --database=mysql',
      'CREATE USER \'cdc\'@\'%\' IDENTIFIED BY \'p\'\'q\\\\r"s$t\' REQUIRE SSL;',
      'GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO \'cdc\'@\'%\';',
      '',
    ]);
  });

  test('a PodDisruptionBudget holds drains unless allowEviction', () => {
    const { out } = source();
    expect(out.only('kubernetes_pod_disruption_budget_v1').spec).toEqual({ min_available: '1', selector: { match_labels: POD } });
    expect(source({ allowEviction: true }).out.resources('kubernetes_pod_disruption_budget_v1')).toEqual({});
  });

  test('options: name, database, users, binlog retention, TLS secret, digest, storage, class, resources', () => {
    const { container, pod, sts, db } = source({
      name: 'orders',
      databaseName: 'shop',
      appUsername: 'shop_app',
      cdcUsername: 'debezium',
      binlogExpireLogsSeconds: 86_400,
      tlsSecretName: 'orders-tls',
      imageDigest: DIGEST,
      storageSizeGiB: 100,
      storageClassName: 'fast-ssd',
      resources: { cpuRequest: '2', memoryRequest: '8Gi', memoryLimit: '8Gi' },
    }, { storageClassName: 'standard' });
    expect(container.image).toBe(`mysql:8.4.10@${DIGEST}`);
    expect(db.image).toBe(`mysql:8.4.10@${DIGEST}`);
    expect(container.args).toContain('--binlog-expire-logs-seconds=86400');
    expect(container.args.slice(-3)).toEqual(['--ssl-ca=/etc/mysql/tls/ca.crt', '--ssl-cert=/etc/mysql/tls/tls.crt', '--ssl-key=/etc/mysql/tls/tls.key']);
    expect(container.volume_mount).toContainEqual({ name: 'tls', mount_path: '/etc/mysql/tls', read_only: true });
    expect(pod.volume).toContainEqual({ name: 'tls', secret: { secret_name: 'orders-tls', default_mode: '0440' } });
    expect(container.env).toContainEqual({ name: 'MYSQL_DATABASE', value: 'shop' });
    expect(sts.spec.volume_claim_template[0].spec).toEqual({ access_modes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' } }, storage_class_name: 'fast-ssd' });
    expect(db.host).toBe('acme-orders.acme.svc');
    expect(db.caCertificate).toEqual({ kind: CaCertificateKind.SECRET, name: 'orders-tls', key: 'ca.crt' });
    expect(db.cdcCredential.username).toBe('debezium');
    expect(db.appCredential.username).toBe('shop_app');
    expect(source({}, { storageClassName: 'standard' }).sts.spec.volume_claim_template[0].spec.storage_class_name).toBe('standard');
  });

  test('removal: DESTROY with allowDataDestruction deletes the volume with the StatefulSet and drops prevent_destroy', () => {
    const { sts, db } = source({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    expect(db.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(sts.spec.persistent_volume_claim_retention_policy).toEqual([{ when_deleted: 'Delete', when_scaled: 'Retain' }]);
    expect(sts.lifecycle).toBeUndefined();
  });
});

describe('MySqlSourceDatabase NetworkPolicies', () => {
  test('nothing is open until allowConnectionsFrom; then 3306 from the clients only', () => {
    const stack = platformStack();
    const db = new MySqlSourceDatabase(stack, 'Shop');
    expect(inspect(stack).policies.map((p) => p.metadata.name).sort()).toEqual(['allow-dns', 'default-deny']);
    db.allowConnectionsFrom('DebeziumConnect', { podLabels: { 'strimzi.io/cluster': 'cdc' } });
    const { policy } = inspect(stack);
    expect(policy('allow-acme-shop-from-debezium-connect').spec).toEqual({
      pod_selector: { match_labels: POD },
      policy_types: ['Ingress'],
      ingress: [{ from: [{ pod_selector: { match_labels: { 'strimzi.io/cluster': 'cdc' } } }], ports: tcp(3306) }],
      egress: [],
    });
    expect(policy('allow-debezium-connect-to-acme-shop').spec).toEqual({
      pod_selector: { match_labels: { 'strimzi.io/cluster': 'cdc' } },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: POD } }], ports: tcp(3306) }],
    });
    expect(() => db.allowConnectionsFrom('All', { podLabels: {} })).toThrow(
      'test/Shop: invalid peer.podLabels: received {}; give the labels of the client pods (an empty selector would open the database to every pod of the namespace).',
    );
  });
});

describe('MySqlSourceDatabase validation', () => {
  const cases: Array<[string, MySqlSourceDatabaseProps, string]> = [
    ['binlog short', { binlogExpireLogsSeconds: 60 }, 'test/Shop: invalid binlogExpireLogsSeconds: received 60; must be an integer from 3600 to 7776000.'],
    ['binlog long', { binlogExpireLogsSeconds: 7_776_001 }, 'test/Shop: invalid binlogExpireLogsSeconds: received 7776001; must be an integer from 3600 to 7776000.'],
    ['digest', { imageDigest: 'sha256:abc' }, 'test/Shop: invalid imageDigest: received "sha256:abc"; use "sha256:" followed by 64 lowercase hexadecimal characters.'],
    ['TLS secret', { tlsSecretName: 'Shop_TLS' },
      'test/Shop: invalid tlsSecretName: received "Shop_TLS"; Kubernetes names have 1 to 63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit; this one has 8.'],
    ['storage', { storageSizeGiB: 0 }, 'test/Shop: invalid storageSizeGiB: received 0; must be an integer from 1 to 65536.'],
    ['database', { databaseName: 'mysql' },
      'test/Shop: invalid databaseName: received "mysql"; use 1 to 64 lowercase letters, digits and "_", starting with a letter or "_", '
      + 'not one of MySQL\'s own schemas (mysql, sys, information_schema, performance_schema).'],
    ['CDC user too long', { cdcUsername: 'c'.repeat(33) },
      `test/Shop: invalid cdcUsername: received "${'c'.repeat(33)}"; use 1 to 32 lowercase letters, digits and "_", starting with a letter or "_".`],
    ['CDC user = app user', { cdcUsername: 'app' },
      'test/Shop: invalid cdcUsername: received "app"; taken (root, mysql, app are reserved or already used by this database); choose another name.'],
    ['app user root', { appUsername: 'root' },
      'test/Shop: invalid appUsername: received "root"; taken (root, mysql are reserved or already used by this database); choose another name.'],
    ['resources', { resources: { cpuRequest: '1', memoryRequest: '1Gi', memoryLimit: '2 GB' } },
      'test/Shop: invalid resources.memoryLimit: received "2 GB"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    ['store', { secretStore: SECRETS_MANAGER_STORE }, 'test/Shop: invalid secretStore: received "secrets-manager";'],
  ];
  test.each(cases)('%s', (_what, props, message) => {
    expect(() => source(props)).toThrow(message);
  });
});

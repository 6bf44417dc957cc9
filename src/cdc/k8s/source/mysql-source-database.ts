import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { StatefulSetV1 } from '@cdktf/provider-kubernetes/lib/stateful-set-v1';
import { Construct } from 'constructs';
import { CaCertificateKind, IKubernetesSourceDatabase, SourceCaCertificate, SourceClientPeer } from './kubernetes-source-database';
import {
  DEFAULT_MYSQL_APP_USER, DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS, DEFAULT_MYSQL_CDC_USER, DEFAULT_MYSQL_DATABASE, DEFAULT_MYSQL_RESOURCES,
  DEFAULT_MYSQL_STORAGE_SIZE_GIB, MAX_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS, MAX_MYSQL_STORAGE_SIZE_GIB, MAX_MYSQL_USER_LENGTH,
  MIN_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS, MySqlSourceDatabaseProps,
} from './mysql-source-database-props';
import { allowMySqlClients, mysqlPodLabels } from './private/mysql-network';
import { cdcInitScript, MYSQL_CDC_INIT_SCRIPT, MYSQL_PORT } from './private/mysql-server';
import { mysqlStatefulSetSpec } from './private/mysql-statefulset';
import { generateSourceCredential, resolveSourceStore } from './private/source-credentials';
import { checkClientLabels, checkUserName, SOURCE_COMPONENT, SOURCE_DATABASE_NAME_RULE } from './private/source-names';
import { invalidProp } from '../../../core/errors';
import { checkName, kebab, KubernetesNameRules } from '../../../core/naming';
import { escapeTerraformTemplate } from '../../../core/terraform-escape';
import { integerInRange } from '../../../core/validate';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { checkResources } from '../../../platform/k8s/resources';
import { MYSQL_IMAGE } from '../../../platform/k8s/source-versions';
import { RemovalPolicy } from '../../../platform/platform';
import { ICredential } from '../../../secrets/secret-store-contract';
import { SourceEngine } from '../../cdc-contract';

/** User names MySQL reserves or the image creates. */
export const RESERVED_MYSQL_USERS = ['root', 'mysql'];

/**
 * A MySQL source for change data capture: a hardened single-server StatefulSet of the official
 * `mysql` image (8.4 LTS). No operator among the pinned components runs MySQL, so there is **no
 * high availability**: one primary on one persistent volume, restarted by Kubernetes; a
 * PodDisruptionBudget makes node drains wait for you (unless `allowEviction`).
 *
 * - Binary logs for CDC: `binlog_format=ROW`, `binlog_row_image=FULL`, `gtid_mode=ON`,
 *   `enforce_gtid_consistency=ON`, `binlog_expire_logs_seconds` (default 7 days), `server_id` 1.
 * - TLS required for every TCP connection (`require_secure_transport=ON`, TLS 1.2+); the server
 *   certificate is MySQL's self-signed one unless `tlsSecretName` provides one clients can verify.
 *   No X Protocol, no file import/export, no LOAD DATA LOCAL, no DNS lookups.
 * - Runs as the image's `mysql` user (999), read-only root file system (emptyDirs for the socket
 *   and temporary files), all capabilities dropped, seccomp RuntimeDefault: Pod Security "restricted".
 * - Passwords from the SecretStore (never in Terraform state): root (`MYSQL_ROOT_PASSWORD`, local
 *   connections only), the application user (`MYSQL_USER`, ALL on `databaseName`) and the CDC user
 *   (SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT on `*.*`, REQUIRE SSL),
 *   created by a first-start script that reads its password from the Secret.
 *   Users are created **once, at first start**: rotating a credential later (its `revision`) does
 *   not change the password in MySQL; run `ALTER USER` yourself.
 * - A headless Service (the StatefulSet's) and a ClusterIP Service `<name>` (the `host`);
 *   NetworkPolicies open port 3306 only to what `allowConnectionsFrom` names.
 *
 * RETAIN (the default) sets `prevent_destroy` on the StatefulSet and keeps its volume when it is
 * deleted; DESTROY (with the platform's `allowDataDestruction`) deletes the volume with it.
 */
export class MySqlSourceDatabase extends Construct implements IKubernetesSourceDatabase {
  public readonly engine = SourceEngine.MYSQL;
  /** Host name of the ClusterIP Service (`<name>.<namespace>.svc`). */
  public readonly host: string;
  public readonly port: number = MYSQL_PORT;
  public readonly databaseName: string;
  public readonly cdcCredential: ICredential;
  public readonly tlsRequired: boolean = true;
  /** The `ca.crt` of `tlsSecretName`; undefined with MySQL's self-signed certificate (it cannot be verified). */
  public readonly caCertificate?: SourceCaCertificate;
  /** The server pod. */
  public readonly podLabels: Record<string, string>;
  /** Name of the StatefulSet and of the ClusterIP Service. */
  public readonly serverName: string;
  /** The application user's credential (ALL on the application database). */
  public readonly appCredential: ICredential;
  /** The root credential (root may only connect locally, from inside the pod). */
  public readonly rootCredential: ICredential;
  /** The image, with its digest when pinned. */
  public readonly image: string;
  /** The removal policy in effect. */
  public readonly removalPolicy: RemovalPolicy;
  /** The StatefulSet. */
  public readonly statefulSet: StatefulSetV1;

  constructor(scope: Construct, id: string, props: MySqlSourceDatabaseProps = {}) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    const shortName = props.name ?? kebab(id);
    const name = checkName(this, 'name', `${platform.namePrefix}-${shortName}`, SOURCE_DATABASE_NAME_RULE);
    this.serverName = name;
    this.databaseName = this.checkDatabaseName(props.databaseName ?? DEFAULT_MYSQL_DATABASE);
    const appUser = checkUserName(this, 'appUsername', props.appUsername ?? DEFAULT_MYSQL_APP_USER, MAX_MYSQL_USER_LENGTH, RESERVED_MYSQL_USERS);
    const cdcUser = checkUserName(this, 'cdcUsername', props.cdcUsername ?? DEFAULT_MYSQL_CDC_USER, MAX_MYSQL_USER_LENGTH, [...RESERVED_MYSQL_USERS, appUser]);
    const binlogExpireLogsSeconds = integerInRange(this, 'binlogExpireLogsSeconds', props.binlogExpireLogsSeconds,
      MIN_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS, MAX_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS, DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS);
    const storageSizeGiB = integerInRange(this, 'storageSizeGiB', props.storageSizeGiB, 1, MAX_MYSQL_STORAGE_SIZE_GIB, DEFAULT_MYSQL_STORAGE_SIZE_GIB);
    const resources = checkResources(this, 'resources', props.resources ?? DEFAULT_MYSQL_RESOURCES);
    if (props.tlsSecretName !== undefined) checkName(this, 'tlsSecretName', props.tlsSecretName, KubernetesNameRules.DNS_LABEL);
    if (props.imageDigest !== undefined && (typeof props.imageDigest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(props.imageDigest))) {
      throw invalidProp(this, 'imageDigest', props.imageDigest, 'use "sha256:" followed by 64 lowercase hexadecimal characters');
    }
    this.image = props.imageDigest ? `${MYSQL_IMAGE}@${props.imageDigest}` : MYSQL_IMAGE;
    const store = resolveSourceStore(this, props.secretStore);
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);

    this.host = `${name}.${platform.namespace}.svc`;
    this.podLabels = mysqlPodLabels(name);
    if (props.tlsSecretName) this.caCertificate = { kind: CaCertificateKind.SECRET, name: props.tlsSecretName, key: 'ca.crt' };
    const user = (suffix: string, username: string, purpose: string) => generateSourceCredential(this, store, {
      id: `${name}-${username}`, database: name, shortName, suffix, username, purpose,
    });
    this.rootCredential = user('root', 'root', 'MySQL user');
    this.appCredential = user('app', appUser, 'MySQL application user');
    this.cdcCredential = user('cdc', cdcUser, 'MySQL CDC user');

    const labels = { ...platform.labels(SOURCE_COMPONENT), ...this.podLabels };
    const metadata = (objectName: string) => ({ name: objectName, namespace: platform.namespace, labels });
    const headless = `${name}-headless`;
    const initdb = new ConfigMapV1(this, 'InitScripts', {
      metadata: metadata(`${name}-initdb`),
      data: { [MYSQL_CDC_INIT_SCRIPT]: escapeTerraformTemplate(cdcInitScript()) },
      dependsOn: platform.baseline,
    });
    const ports = [{ name: 'mysql', port: MYSQL_PORT, targetPort: 'mysql' }];
    new ServiceV1(this, 'HeadlessService', {
      metadata: metadata(headless),
      spec: { clusterIp: 'None', publishNotReadyAddresses: true, selector: this.podLabels, port: ports },
      dependsOn: platform.baseline,
    });
    new ServiceV1(this, 'Service', {
      metadata: metadata(name),
      spec: { type: 'ClusterIP', selector: this.podLabels, port: ports },
      dependsOn: platform.baseline,
    });
    const retain = this.removalPolicy === RemovalPolicy.RETAIN;
    this.statefulSet = new StatefulSetV1(this, 'StatefulSet', {
      metadata: metadata(name),
      spec: mysqlStatefulSetSpec({
        name,
        headlessService: headless,
        labels,
        podLabels: this.podLabels,
        image: this.image,
        resources,
        storageSizeGiB,
        storageClassName: props.storageClassName ?? platform.storageClassName,
        binlogExpireLogsSeconds,
        tlsSecretName: props.tlsSecretName,
        initdbConfigMap: initdb.metadata.name,
        databaseName: this.databaseName,
        rootSecret: this.rootCredential.kubernetesSecretName!,
        appSecret: this.appCredential.kubernetesSecretName!,
        cdcSecret: this.cdcCredential.kubernetesSecretName!,
        deleteVolumeWithStatefulSet: !retain,
      }),
      dependsOn: platform.baseline,
    });
    platform.protect(this.statefulSet, this.removalPolicy);
    if (!(props.allowEviction ?? false)) {
      new PodDisruptionBudgetV1(this, 'DisruptionBudget', {
        metadata: metadata(name),
        spec: { minAvailable: '1', selector: { matchLabels: this.podLabels } },
        dependsOn: platform.baseline,
      });
    }
  }

  /** Lets the pods labelled `peer.podLabels` connect on 3306. */
  public allowConnectionsFrom(id: string, peer: SourceClientPeer): void {
    allowMySqlClients(this, this.serverName, kebab(id), checkClientLabels(this, peer));
  }

  private checkDatabaseName(name: string): string {
    if (typeof name !== 'string' || !/^[a-z_][a-z0-9_]{0,63}$/.test(name) || ['mysql', 'sys', 'information_schema', 'performance_schema'].includes(name)) {
      throw invalidProp(this, 'databaseName', name,
        'use 1 to 64 lowercase letters, digits and "_", starting with a letter or "_", not one of MySQL\'s own schemas (mysql, sys, information_schema, performance_schema)');
    }
    return name;
  }
}

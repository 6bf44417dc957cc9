import { MYSQL_IMAGE_USER_ID } from '../../../../platform/k8s/source-versions';
import { MYSQL_SERVER_ID } from '../mysql-source-database-props';

/** Port of the classic MySQL protocol. */
export const MYSQL_PORT = 3306;
/** Where the data volume is mounted. */
export const MYSQL_VOLUME_MOUNT = '/var/lib/mysql';
/**
 * The data directory: a subdirectory of the volume, so `mysqld --initialize` finds it empty even on
 * file systems that put `lost+found` at the volume's root.
 */
export const MYSQL_DATADIR = `${MYSQL_VOLUME_MOUNT}/data`;
/** Socket and pid file directory (an emptyDir: the root file system is read-only). */
export const MYSQL_RUN_DIR = '/var/run/mysqld';
/** Temporary files (an emptyDir). */
export const MYSQL_TMP_DIR = '/tmp';
/** Where a `tlsSecretName` Secret is mounted. */
export const MYSQL_TLS_DIR = '/etc/mysql/tls';
/** Where the official image runs first-start scripts from. */
export const MYSQL_INITDB_DIR = '/docker-entrypoint-initdb.d';
/** Name of the first-start script that creates the CDC user. */
export const MYSQL_CDC_INIT_SCRIPT = '10-cdc-user.sh';
/** Environment variables (from the CDC credential's Secret) the first-start script reads. */
export const MYSQL_CDC_ENV = { user: 'MYSQL_CDC_USER', password: 'MYSQL_CDC_PASSWORD' };
/** Privileges Debezium's MySQL connector needs, granted on `*.*`. */
export const MYSQL_CDC_PRIVILEGES = ['SELECT', 'RELOAD', 'SHOW DATABASES', 'REPLICATION SLAVE', 'REPLICATION CLIENT'];

/** What the server's arguments depend on. @internal */
export interface MySqlArgsInput {
  readonly binlogExpireLogsSeconds: number;
  readonly tls: boolean;
}

/**
 * The `mysqld` arguments (the image's entrypoint prepends `mysqld` to arguments starting with `-`):
 * row-based binary logs with full row images and GTIDs (what CDC needs), TLS required for every TCP
 * connection, no X Protocol, no file import/export, no LOAD DATA LOCAL, no DNS lookups.
 * @internal
 */
export function mysqlArgs(input: MySqlArgsInput): string[] {
  return [
    `--datadir=${MYSQL_DATADIR}`,
    `--server-id=${MYSQL_SERVER_ID}`,
    '--log-bin=binlog',
    '--binlog-format=ROW',
    '--binlog-row-image=FULL',
    '--gtid-mode=ON',
    '--enforce-gtid-consistency=ON',
    `--binlog-expire-logs-seconds=${input.binlogExpireLogsSeconds}`,
    '--require-secure-transport=ON',
    '--tls-version=TLSv1.2,TLSv1.3',
    '--mysqlx=OFF',
    '--secure-file-priv=NULL',
    '--local-infile=OFF',
    '--skip-name-resolve',
    ...(input.tls
      ? [`--ssl-ca=${MYSQL_TLS_DIR}/ca.crt`, `--ssl-cert=${MYSQL_TLS_DIR}/tls.crt`, `--ssl-key=${MYSQL_TLS_DIR}/tls.key`]
      : []),
  ];
}

/**
 * The pod security context: the image's `mysql` user (the entrypoint then skips its root-only
 * steps: no chown, no gosu), the volume group-owned by it, seccomp.
 * @internal
 */
export const MYSQL_POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: String(MYSQL_IMAGE_USER_ID),
  runAsGroup: String(MYSQL_IMAGE_USER_ID),
  fsGroup: String(MYSQL_IMAGE_USER_ID),
  fsGroupChangePolicy: 'OnRootMismatch',
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The container security context (Pod Security "restricted", read-only root file system). @internal */
export const MYSQL_CONTAINER_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: String(MYSQL_IMAGE_USER_ID),
  runAsGroup: String(MYSQL_IMAGE_USER_ID),
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/**
 * The first-start script (sourced by the image's entrypoint, so `docker_process_sql` is available;
 * it runs once, when the data directory is initialized). It creates the CDC user with the password
 * from its Secret (environment variables), so the password never passes through Terraform. Quotes
 * and backslashes in the password are escaped for the SQL string.
 * @internal
 */
export function cdcInitScript(): string {
  const { user, password } = MYSQL_CDC_ENV;
  return [
    '#!/bin/bash',
    '# Creates the CDC user at first start; the password comes from the credential\'s Secret.',
    `cdc_password="\${${password}//\\\\/\\\\\\\\}"`,
    'cdc_password="${cdc_password//\\\'/\\\'\\\'}"',
    'docker_process_sql --database=mysql <<EOSQL',
    `CREATE USER '\${${user}}'@'%' IDENTIFIED BY '\${cdc_password}' REQUIRE SSL;`,
    `GRANT ${MYSQL_CDC_PRIVILEGES.join(', ')} ON *.* TO '\${${user}}'@'%';`,
    'EOSQL',
    'unset cdc_password',
    '',
  ].join('\n');
}

import { createHash } from 'crypto';

/** Lowest MySQL `database.server.id` a capture gets (clear of the small ids servers and replicas use). */
export const MYSQL_SERVER_ID_MIN = 1_000_000;
/**
 * Highest MySQL `database.server.id` a capture gets: server ids are 32-bit, and Debezium adds
 * `database.server.id.offset` (10000) for the extra connections of a parallel snapshot.
 */
export const MYSQL_SERVER_ID_MAX = 4_000_000_000;

/**
 * The MySQL replication client id of a capture: a hash of its name in
 * [MYSQL_SERVER_ID_MIN, MYSQL_SERVER_ID_MAX], the same at every synthesis.
 * @internal
 */
export function mysqlServerId(captureName: string): number {
  const hash = parseInt(createHash('sha256').update(captureName).digest('hex').slice(0, 12), 16);
  return MYSQL_SERVER_ID_MIN + (hash % (MYSQL_SERVER_ID_MAX - MYSQL_SERVER_ID_MIN + 1));
}

/**
 * The PostgreSQL replication slot (and publication) of a capture: its name with underscores, as
 * slot names allow only lowercase letters, digits and `_` (a capture name is a DNS label, so at
 * most 63 characters, PostgreSQL's limit).
 * @internal
 */
export function postgresSlotName(captureName: string): string {
  return captureName.replace(/-/g, '_');
}

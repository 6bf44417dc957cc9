'use strict';
/**
 * Warehouse user provisioning (invoked by Terraform through `aws_lambda_invocation`).
 *
 * Creates or updates one Redshift database user whose password lives in Secrets Manager, so the
 * password never enters Terraform state or the SQL Terraform sends:
 *   1. reads the user's credential (`{"username", "password"}`) from Secrets Manager;
 *   2. asks Redshift (Data API, signed in with the administrator's secret) whether the user exists;
 *   3. runs, in one transaction (BatchExecuteStatement): CREATE USER or ALTER USER with the
 *      password as Redshift's MD5 form ('md5' + md5(password + username), so the plain password
 *      is not in the statement text either), then the grants the event lists.
 * Every statement is polled with DescribeStatement until it finishes; failures, aborts and
 * timeouts throw with the statement's error, which fails the Terraform apply.
 *
 * Event: { database, clusterIdentifier | workgroupName, adminSecretArn, userSecretArn, username,
 *          grants: [{ schema, privilege: "SELECT" }, { schema, table, privilege: "INSERT" }] }
 * Result (kept in Terraform state, so it carries no secret): { username, action: "created" | "updated", grants }
 *
 * The AWS SDK v3 ships with the Lambda Node.js 20 runtime; it is loaded only when the handler runs
 * without injected clients (tests inject stubs).
 */
const crypto = require('crypto');

/** Names of users, schemas and tables: lowercase letters, digits, underscores (as the construct checks them). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,126}$/;
/** Privileges the event may grant. */
const PRIVILEGES = ['SELECT', 'INSERT'];
const POLL_INTERVAL_MS = 1000;
const STATEMENT_TIMEOUT_MS = 240000;
const DONE = 'FINISHED';
const FAILED = ['FAILED', 'ABORTED'];

function checkIdentifier(what, name) {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new Error(`invalid ${what} ${JSON.stringify(name)}: use lowercase letters, digits and underscores`);
  }
  return name;
}

/** `"name"` for a checked identifier. */
function ident(name) {
  return `"${name}"`;
}

/** Redshift's MD5 password form: 'md5' followed by the hex MD5 of password + user name. */
function md5Password(password, username) {
  return `md5${crypto.createHash('md5').update(`${password}${username}`).digest('hex')}`;
}

/** Checks the event and returns its normalized form. */
function parseEvent(event) {
  const e = event || {};
  const missing = ['database', 'adminSecretArn', 'userSecretArn', 'username'].filter((k) => typeof e[k] !== 'string' || e[k] === '');
  if (missing.length) throw new Error(`event is missing ${missing.join(', ')}`);
  if (!e.clusterIdentifier === !e.workgroupName) throw new Error('event needs exactly one of clusterIdentifier and workgroupName');
  checkIdentifier('username', e.username);
  const grants = (e.grants || []).map((g, i) => {
    checkIdentifier(`grants[${i}].schema`, g.schema);
    if (g.table !== undefined) checkIdentifier(`grants[${i}].table`, g.table);
    if (!PRIVILEGES.includes(g.privilege)) throw new Error(`invalid grants[${i}].privilege ${JSON.stringify(g.privilege)}: use ${PRIVILEGES.join(' or ')}`);
    if (g.privilege === 'INSERT' && g.table === undefined) throw new Error(`grants[${i}]: INSERT is granted on one table; name it`);
    return { schema: g.schema, table: g.table, privilege: g.privilege };
  });
  return { ...e, grants };
}

/** The statements granting `grants` to `username`. */
function grantStatements(username, grants) {
  const user = ident(username);
  const out = [];
  for (const g of grants) {
    out.push(`GRANT USAGE ON SCHEMA ${ident(g.schema)} TO ${user}`);
    if (g.table !== undefined) {
      out.push(`GRANT ${g.privilege} ON TABLE ${ident(g.schema)}.${ident(g.table)} TO ${user}`);
    } else {
      out.push(`GRANT ${g.privilege} ON ALL TABLES IN SCHEMA ${ident(g.schema)} TO ${user}`);
      out.push(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${ident(g.schema)} GRANT ${g.privilege} ON TABLES TO ${user}`);
    }
  }
  return [...new Set(out)];
}

/** CREATE USER (new) or ALTER USER (existing) with the password's MD5 form, then the grants. */
function userStatements(username, password, exists, grants) {
  const hash = md5Password(password, username);
  const set = exists
    ? `ALTER USER ${ident(username)} PASSWORD '${hash}'`
    : `CREATE USER ${ident(username)} PASSWORD '${hash}'`;
  return [set, ...grantStatements(username, grants)];
}

/** Parses the credential's secret string; its user name must be the one the event names. */
function parseCredential(secretString, expectedUsername) {
  let value;
  try {
    value = JSON.parse(secretString);
  } catch {
    throw new Error('the user secret is not JSON with "username" and "password"');
  }
  if (!value || typeof value.password !== 'string' || value.password === '') throw new Error('the user secret has no "password"');
  if (value.username !== undefined && value.username !== expectedUsername) {
    throw new Error(`the user secret is for ${JSON.stringify(value.username)}, not ${JSON.stringify(expectedUsername)}`);
  }
  return value.password;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls DescribeStatement until the statement finishes; throws on failure, abort or timeout. */
async function waitForStatement(data, id, options = {}) {
  const interval = options.intervalMs ?? POLL_INTERVAL_MS;
  const deadline = Date.now() + (options.timeoutMs ?? STATEMENT_TIMEOUT_MS);
  const wait = options.sleep ?? sleep;
  for (;;) {
    const d = await data.describeStatement({ Id: id });
    if (d.Status === DONE) return d;
    if (FAILED.includes(d.Status)) {
      const sub = (d.SubStatements || []).find((s) => FAILED.includes(s.Status) && s.Error);
      throw new Error(`statement ${id} ${d.Status.toLowerCase()}: ${d.Error || (sub && sub.Error) || 'no error message'}`);
    }
    if (Date.now() >= deadline) throw new Error(`statement ${id} did not finish in ${options.timeoutMs ?? STATEMENT_TIMEOUT_MS} ms (last status ${d.Status})`);
    await wait(interval);
  }
}

/** Provisions the user the event describes with the given clients (see the file comment). */
async function provision(event, clients, options = {}) {
  const e = parseEvent(event);
  const target = {
    Database: e.database,
    SecretArn: e.adminSecretArn,
    ...(e.clusterIdentifier ? { ClusterIdentifier: e.clusterIdentifier } : { WorkgroupName: e.workgroupName }),
  };
  const secret = await clients.secrets.getSecretValue({ SecretId: e.userSecretArn });
  const password = parseCredential(secret.SecretString, e.username);

  const query = await clients.data.executeStatement({
    ...target,
    Sql: 'SELECT COUNT(*) FROM pg_user WHERE usename = :username',
    Parameters: [{ name: 'username', value: e.username }],
  });
  await waitForStatement(clients.data, query.Id, options);
  const result = await clients.data.getStatementResult({ Id: query.Id });
  const count = Number(result.Records?.[0]?.[0]?.longValue ?? 0);
  const exists = count > 0;

  const batch = await clients.data.batchExecuteStatement({ ...target, Sqls: userStatements(e.username, password, exists, e.grants) });
  await waitForStatement(clients.data, batch.Id, options);
  const response = { username: e.username, action: exists ? 'updated' : 'created', grants: e.grants.length };
  console.log(JSON.stringify({ level: 'info', ...response }));
  return response;
}

/** Clients backed by the AWS SDK v3 of the runtime. */
function sdkClients() {
  const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
  const {
    RedshiftDataClient, ExecuteStatementCommand, BatchExecuteStatementCommand, DescribeStatementCommand, GetStatementResultCommand,
  } = require('@aws-sdk/client-redshift-data');
  const sm = new SecretsManagerClient({});
  const rd = new RedshiftDataClient({});
  return {
    secrets: { getSecretValue: (input) => sm.send(new GetSecretValueCommand(input)) },
    data: {
      executeStatement: (input) => rd.send(new ExecuteStatementCommand(input)),
      batchExecuteStatement: (input) => rd.send(new BatchExecuteStatementCommand(input)),
      describeStatement: (input) => rd.send(new DescribeStatementCommand(input)),
      getStatementResult: (input) => rd.send(new GetStatementResultCommand(input)),
    },
  };
}

let clients;

// The runtime calls handler(event, context): configuration comes only from the event.
exports.handler = async (event) => {
  clients = clients || sdkClients();
  return provision(event, clients);
};

exports.provision = provision;
exports.parseEvent = parseEvent;
exports.userStatements = userStatements;
exports.grantStatements = grantStatements;
exports.md5Password = md5Password;
exports.parseCredential = parseCredential;
exports.waitForStatement = waitForStatement;

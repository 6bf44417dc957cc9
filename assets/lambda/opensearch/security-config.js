'use strict';
/**
 * OpenSearch security configuration (invoked by Terraform through `aws_lambda_invocation`).
 *
 * The function's IAM role is the domain's master user (fine-grained access control), so it signs
 * its requests with SigV4 as that role, with the credentials the Lambda runtime gives it, and no
 * password exists anywhere. For each role of the event it creates or replaces the security plugin
 * role (cluster and index permissions) and its mapping to IAM role ARNs (backend roles):
 *   PUT _plugins/_security/api/roles/<name>
 *   PUT _plugins/_security/api/rolesmapping/<name>
 * Both calls are idempotent, so Terraform may invoke the function again whenever the event changes.
 * Requests that fail with 429 or 5xx (a domain still settling) are retried a bounded number of
 * times; any other failure throws, which fails the Terraform apply.
 *
 * Event: { endpoint, roles: [{ name, clusterPermissions, indexPermissions: [{ indexPatterns, allowedActions }], backendRoles }] }
 * Result (kept in Terraform state, no secret): { roles: [{ name, backendRoles: <count> }] }
 */
const crypto = require('crypto');
const https = require('https');

/** Security plugin role names the event may set. */
const ROLE_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** Host names of domain endpoints. */
const HOST = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const SERVICE = 'es';
const MAX_ATTEMPTS = 8;
const RETRY_DELAY_MS = 5000;
const REQUEST_TIMEOUT_MS = 20000;

const sha256 = (data) => crypto.createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data, 'utf8').digest();

/** `YYYYMMDDTHHMMSSZ` of a date. */
function amzDate(now) {
  return now.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/**
 * Signs a request with AWS Signature Version 4 and returns its headers (with `authorization`).
 * `headers` are signed too; `host` and `x-amz-date` (and the session token) are added.
 */
function signRequest({ method, host, path, body = '', headers = {}, region, service = SERVICE, credentials, now = new Date() }) {
  const stamp = amzDate(now);
  const date = stamp.slice(0, 8);
  const all = { ...headers, host, 'x-amz-date': stamp };
  if (credentials.sessionToken) all['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(all).map((k) => k.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), String(v).trim()]));
  const canonicalHeaders = names.map((k) => `${k}:${lower[k]}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalPath = path.split('/').map((s) => encodeURIComponent(s)).join('/');
  const canonicalRequest = [method, canonicalPath, '', canonicalHeaders, signedHeaders, sha256(body)].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonicalRequest)].join('\n');
  const key = [date, region, service, 'aws4_request'].reduce((k, part) => hmac(k, part), `AWS4${credentials.secretAccessKey}`);
  const signature = crypto.createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    ...all,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** Checks the event and returns its normalized form. */
function parseEvent(event) {
  const e = event || {};
  if (typeof e.endpoint !== 'string' || !HOST.test(e.endpoint)) throw new Error(`invalid endpoint ${JSON.stringify(e.endpoint)}: give the domain's host name`);
  if (!Array.isArray(e.roles) || e.roles.length === 0) throw new Error('event has no roles');
  const roles = e.roles.map((r, i) => {
    if (!r || typeof r.name !== 'string' || !ROLE_NAME.test(r.name)) throw new Error(`invalid roles[${i}].name ${JSON.stringify(r && r.name)}`);
    const strings = (what, list) => {
      if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s === '')) throw new Error(`roles[${i}].${what} must be a list of strings`);
      return list;
    };
    return {
      name: r.name,
      clusterPermissions: strings('clusterPermissions', r.clusterPermissions || []),
      indexPermissions: (r.indexPermissions || []).map((p, j) => ({
        indexPatterns: strings(`indexPermissions[${j}].indexPatterns`, p.indexPatterns),
        allowedActions: strings(`indexPermissions[${j}].allowedActions`, p.allowedActions),
      })).filter((p) => p.indexPatterns.length > 0),
      backendRoles: strings('backendRoles', r.backendRoles || []),
    };
  });
  return { endpoint: e.endpoint, roles };
}

/** The two requests that create or replace one role and its mapping. */
function roleRequests(role) {
  return [
    {
      path: `/_plugins/_security/api/roles/${role.name}`,
      body: {
        cluster_permissions: role.clusterPermissions,
        index_permissions: role.indexPermissions.map((p) => ({ index_patterns: p.indexPatterns, allowed_actions: p.allowedActions })),
      },
    },
    { path: `/_plugins/_security/api/rolesmapping/${role.name}`, body: { backend_roles: role.backendRoles } },
  ];
}

/** Sends one HTTPS request; resolves with { status, body }. */
function httpsSend(host, path, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, path, method, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`request to ${path} timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** PUTs one signed request, retrying 429/5xx and network errors a bounded number of times. */
async function put(endpoint, request, context) {
  const body = JSON.stringify(request.body);
  let last;
  for (let attempt = 1; attempt <= (context.maxAttempts ?? MAX_ATTEMPTS); attempt++) {
    const headers = signRequest({
      method: 'PUT',
      host: endpoint,
      path: request.path,
      body,
      headers: { 'content-type': 'application/json' },
      region: context.region,
      credentials: context.credentials,
      now: context.now ? context.now() : new Date(),
    });
    let res;
    try {
      res = await context.send(endpoint, request.path, 'PUT', headers, body);
    } catch (err) {
      last = err; // network error: retried
    }
    if (res) {
      if (res.status >= 200 && res.status < 300) return res;
      last = new Error(`PUT ${request.path} answered ${res.status}: ${res.body}`);
      if (res.status !== 429 && res.status < 500) throw last;
    }
    if (attempt < (context.maxAttempts ?? MAX_ATTEMPTS)) await (context.sleep ?? sleep)(RETRY_DELAY_MS * attempt);
  }
  throw last;
}

/** Applies the event's roles and mappings (see the file comment). */
async function configure(event, context) {
  const e = parseEvent(event);
  const result = [];
  for (const role of e.roles) {
    for (const request of roleRequests(role)) await put(e.endpoint, request, context);
    result.push({ name: role.name, backendRoles: role.backendRoles.length });
  }
  console.log(JSON.stringify({ level: 'info', roles: result }));
  return { roles: result };
}

/** The runtime's context: its region, the role's credentials, and HTTPS. */
function runtimeContext(env) {
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) throw new Error('no AWS credentials in the environment');
  return {
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN },
    send: httpsSend,
  };
}

// The runtime calls handler(event, context): configuration comes only from the event and the environment.
exports.handler = async (event) => configure(event, runtimeContext(process.env));

exports.configure = configure;
exports.parseEvent = parseEvent;
exports.roleRequests = roleRequests;
exports.signRequest = signRequest;

/**
 * The bundled OpenSearch functions (assets/lambda/opensearch), pure logic only: the security
 * configuration function is given a fake HTTPS sender, and the transform function real gzip
 * payloads. OpenSearch itself does not run on the project's emulator.
 */
import { gzipSync } from 'zlib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const logs = require('../../../../assets/lambda/opensearch/logs-transform.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const security = require('../../../../assets/lambda/opensearch/security-config.js');

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const EVENT = {
  endpoint: 'vpc-search-abc.eu-west-1.es.amazonaws.com',
  roles: [{
    name: 'pipeline_writer',
    clusterPermissions: ['cluster_monitor'],
    indexPermissions: [{ indexPatterns: ['clicks*'], allowedActions: ['index'] }],
    backendRoles: ['arn:aws:iam::123456789012:role/firehose'],
  }],
};

describe('security-config', () => {
  test('signs with SigV4 (the AWS test suite\'s get-vanilla request)', () => {
    const headers = security.signRequest({
      method: 'GET',
      host: 'example.amazonaws.com',
      path: '/',
      region: 'us-east-1',
      service: 'service',
      credentials: CREDENTIALS,
      now: new Date('2015-08-30T12:36:00Z'),
    });
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, '
      + 'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  test('PUTs the role then its mapping, signed for es with the session token', async () => {
    const calls: any[] = [];
    const send = async (host: string, path: string, method: string, headers: any, body: string) => {
      calls.push({ host, path, method, headers, body: JSON.parse(body) });
      return { status: 200, body: '{}' };
    };
    const result = await security.configure(EVENT, { region: 'eu-west-1', credentials: { ...CREDENTIALS, sessionToken: 'token' }, send });
    expect(result).toEqual({ roles: [{ name: 'pipeline_writer', backendRoles: 1 }] });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PUT /_plugins/_security/api/roles/pipeline_writer',
      'PUT /_plugins/_security/api/rolesmapping/pipeline_writer',
    ]);
    expect(calls[0].body).toEqual({ cluster_permissions: ['cluster_monitor'], index_permissions: [{ index_patterns: ['clicks*'], allowed_actions: ['index'] }] });
    expect(calls[1].body).toEqual({ backend_roles: ['arn:aws:iam::123456789012:role/firehose'] });
    expect(calls[0].host).toBe(EVENT.endpoint);
    expect(calls[0].headers['x-amz-security-token']).toBe('token');
    expect(calls[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
  });

  test('retries 503 a bounded number of times, fails at once on 403', async () => {
    let n = 0;
    const flaky = async () => (++n < 3 ? { status: 503, body: 'not ready' } : { status: 200, body: '{}' });
    await security.configure(EVENT, { region: 'eu-west-1', credentials: CREDENTIALS, send: flaky, sleep: async () => undefined });
    expect(n).toBe(4);
    let m = 0;
    const denied = async () => { m++; return { status: 403, body: 'no permissions' }; };
    await expect(security.configure(EVENT, { region: 'eu-west-1', credentials: CREDENTIALS, send: denied, sleep: async () => undefined }))
      .rejects.toThrow('PUT /_plugins/_security/api/roles/pipeline_writer answered 403: no permissions');
    expect(m).toBe(1);
    const down = async () => ({ status: 500, body: 'down' });
    await expect(security.configure(EVENT, { region: 'eu-west-1', credentials: CREDENTIALS, send: down, sleep: async () => undefined, maxAttempts: 2 }))
      .rejects.toThrow('answered 500: down');
  });

  test('rejects bad events', () => {
    expect(() => security.parseEvent({ ...EVENT, endpoint: 'https://x' })).toThrow('invalid endpoint "https://x": give the domain\'s host name');
    expect(() => security.parseEvent({ ...EVENT, roles: [] })).toThrow('event has no roles');
    expect(() => security.parseEvent({ ...EVENT, roles: [{ ...EVENT.roles[0], name: 'all_access/../x' }] })).toThrow('invalid roles[0].name "all_access/../x"');
  });
});

describe('logs-transform', () => {
  const encode = (payload: object) => gzipSync(Buffer.from(JSON.stringify(payload))).toString('base64');

  test('a data message becomes one document with its events; control messages are dropped; garbage fails', async () => {
    const data = encode({
      messageType: 'DATA_MESSAGE',
      owner: '123456789012',
      logGroup: '/app/web',
      logStream: 'i-1',
      subscriptionFilters: ['f'],
      logEvents: [{ id: '2', timestamp: 1700000001000, message: 'second' }, { id: '1', timestamp: 1700000000000, message: 'first' }],
    });
    const result = await logs.transform({
      records: [
        { recordId: 'a', data },
        { recordId: 'b', data: encode({ messageType: 'CONTROL_MESSAGE' }) },
        { recordId: 'c', data: Buffer.from('not gzip').toString('base64') },
      ],
    });
    expect(result.records.map((r: any) => [r.recordId, r.result])).toEqual([['a', 'Ok'], ['b', 'Dropped'], ['c', 'ProcessingFailed']]);
    expect(JSON.parse(Buffer.from(result.records[0].data, 'base64').toString('utf8'))).toEqual({
      '@timestamp': new Date(1700000000000).toISOString(),
      'owner': '123456789012',
      'logGroup': '/app/web',
      'logStream': 'i-1',
      'messages': ['second', 'first'],
      'events': [{ id: '2', timestamp: 1700000001000, message: 'second' }, { id: '1', timestamp: 1700000000000, message: 'first' }],
    });
  });
});

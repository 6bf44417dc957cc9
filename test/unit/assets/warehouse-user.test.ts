/**
 * The bundled warehouse user function (assets/lambda/warehouse-user), pure logic only: Secrets
 * Manager and the Redshift Data API are stubs injected into `provision`, so these tests pin the
 * event checks, the SQL it sends (the password only as Redshift's MD5 form), the existence check,
 * the polling of DescribeStatement and the errors that fail the Terraform apply. Redshift itself
 * does not run on the emulator used by the project.
 */
import { createHash } from 'crypto';

interface Grant {
  schema: string;
  table?: string;
  privilege: string;
}

interface Statement {
  Status: string;
  Error?: string;
  SubStatements?: { Status: string; Error?: string }[];
}

interface DataClient {
  executeStatement(input: any): Promise<{ Id: string }>;
  batchExecuteStatement(input: any): Promise<{ Id: string }>;
  describeStatement(input: { Id: string }): Promise<Statement>;
  getStatementResult(input: { Id: string }): Promise<{ Records: { longValue?: number }[][] }>;
}

interface Clients {
  secrets: { getSecretValue(input: { SecretId: string }): Promise<{ SecretString?: string }> };
  data: DataClient;
}

interface WaitOptions {
  intervalMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface UserFunction {
  handler(event: unknown): Promise<unknown>;
  provision(event: unknown, clients: Clients, options?: WaitOptions): Promise<{ username: string; action: string; grants: number }>;
  parseEvent(event: unknown): any;
  userStatements(username: string, password: string, exists: boolean, grants: Grant[]): string[];
  grantStatements(username: string, grants: Grant[]): string[];
  md5Password(password: string, username: string): string;
  parseCredential(secretString: string | undefined, username: string): string;
  waitForStatement(data: DataClient, id: string, options?: WaitOptions): Promise<Statement>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fn = require('../../../assets/lambda/warehouse-user') as UserFunction;

const PASSWORD = 'S3cret-Pass+word';
const EVENT = {
  database: 'analytics',
  workgroupName: 'acme-warehouse',
  adminSecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:redshift!acme-admin',
  userSecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:acme-warehouse-bi',
  username: 'bi_reader',
  grants: [{ schema: 'public', privilege: 'SELECT' }, { schema: 'sales', privilege: 'SELECT' }],
};
const NO_WAIT: WaitOptions = { intervalMs: 0, sleep: async () => undefined };
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Stub clients: the secret, how many users are named like the user, and statement statuses in order. */
function stubs(options: { secret?: string; existing?: number; statuses?: Statement[][] } = {}) {
  const calls: { op: string; input: any }[] = [];
  const statuses = [...(options.statuses ?? [[{ Status: 'FINISHED' }], [{ Status: 'FINISHED' }]])];
  const byId = new Map<string, Statement[]>();
  let next = 0;
  const start = (op: string) => async (input: any) => {
    calls.push({ op, input });
    const id = `stmt-${++next}`;
    byId.set(id, [...(statuses.shift() ?? [{ Status: 'FINISHED' }])]);
    return { Id: id };
  };
  const clients: Clients = {
    secrets: {
      getSecretValue: async (input) => {
        calls.push({ op: 'getSecretValue', input });
        return { SecretString: options.secret ?? JSON.stringify({ username: 'bi_reader', password: PASSWORD }) };
      },
    },
    data: {
      executeStatement: start('executeStatement'),
      batchExecuteStatement: start('batchExecuteStatement'),
      describeStatement: async ({ Id }) => {
        calls.push({ op: 'describeStatement', input: { Id } });
        const queue = byId.get(Id)!;
        return queue.length > 1 ? queue.shift()! : queue[0];
      },
      getStatementResult: async ({ Id }) => {
        calls.push({ op: 'getStatementResult', input: { Id } });
        return { Records: [[{ longValue: options.existing ?? 0 }]] };
      },
    },
  };
  return { clients, calls };
}

let logSpy: jest.SpyInstance;
beforeEach(() => {
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => logSpy.mockRestore());

describe('password form', () => {
  test('md5 of password + user name, prefixed "md5" (Redshift\'s documented hash form)', () => {
    expect(fn.md5Password(PASSWORD, 'bi_reader')).toBe(`md5${md5(`${PASSWORD}bi_reader`)}`);
    expect(fn.md5Password(PASSWORD, 'bi_reader')).toMatch(/^md5[0-9a-f]{32}$/);
  });

  test('the plain password never appears in a statement', () => {
    for (const exists of [false, true]) {
      expect(fn.userStatements('bi_reader', PASSWORD, exists, EVENT.grants).join('\n')).not.toContain(PASSWORD);
    }
  });
});

describe('statements', () => {
  test('a new user: CREATE USER, then usage, SELECT on all tables and default privileges per schema', () => {
    const hash = `md5${md5(`${PASSWORD}bi_reader`)}`;
    expect(fn.userStatements('bi_reader', PASSWORD, false, EVENT.grants)).toEqual([
      `CREATE USER "bi_reader" PASSWORD '${hash}'`,
      'GRANT USAGE ON SCHEMA "public" TO "bi_reader"',
      'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "bi_reader"',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT ON TABLES TO "bi_reader"',
      'GRANT USAGE ON SCHEMA "sales" TO "bi_reader"',
      'GRANT SELECT ON ALL TABLES IN SCHEMA "sales" TO "bi_reader"',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA "sales" GRANT SELECT ON TABLES TO "bi_reader"',
    ]);
  });

  test('an existing user: ALTER USER sets the new password', () => {
    expect(fn.userStatements('bi_reader', PASSWORD, true, [])).toEqual([`ALTER USER "bi_reader" PASSWORD 'md5${md5(`${PASSWORD}bi_reader`)}'`]);
  });

  test('a loader: usage on the schema and INSERT on its one table', () => {
    expect(fn.grantStatements('loader_events', [{ schema: 'public', table: 'events', privilege: 'INSERT' }])).toEqual([
      'GRANT USAGE ON SCHEMA "public" TO "loader_events"',
      'GRANT INSERT ON TABLE "public"."events" TO "loader_events"',
    ]);
  });

  test('a usage grant repeated for two tables of a schema is sent once', () => {
    expect(fn.grantStatements('u', [
      { schema: 'sales', table: 'a', privilege: 'INSERT' },
      { schema: 'sales', table: 'b', privilege: 'INSERT' },
    ])).toEqual(['GRANT USAGE ON SCHEMA "sales" TO "u"', 'GRANT INSERT ON TABLE "sales"."a" TO "u"', 'GRANT INSERT ON TABLE "sales"."b" TO "u"']);
  });
});

describe('event checks', () => {
  test.each([
    ['a quoted user name', { ...EVENT, username: 'Bad"Name' }, 'invalid username "Bad\\"Name": use lowercase letters, digits and underscores'],
    ['SQL in the user name', { ...EVENT, username: 'x; DROP TABLE t' }, 'invalid username "x; DROP TABLE t": use lowercase letters, digits and underscores'],
    ['a quoted schema', { ...EVENT, grants: [{ schema: 'public"', privilege: 'SELECT' }] }, 'invalid grants[0].schema "public\\"": use lowercase letters, digits and underscores'],
    ['an upper-case table', { ...EVENT, grants: [{ schema: 'public', table: 'T', privilege: 'INSERT' }] }, 'invalid grants[0].table "T": use lowercase letters, digits and underscores'],
    ['another privilege', { ...EVENT, grants: [{ schema: 'public', privilege: 'ALL' }] }, 'invalid grants[0].privilege "ALL": use SELECT or INSERT'],
    ['INSERT on a schema', { ...EVENT, grants: [{ schema: 'public', privilege: 'INSERT' }] }, 'grants[0]: INSERT is granted on one table; name it'],
    ['both targets', { ...EVENT, clusterIdentifier: 'acme-warehouse' }, 'event needs exactly one of clusterIdentifier and workgroupName'],
    ['no target', { ...EVENT, workgroupName: undefined }, 'event needs exactly one of clusterIdentifier and workgroupName'],
    ['missing fields', { database: 'analytics' }, 'event is missing adminSecretArn, userSecretArn, username'],
    ['no event', undefined, 'event is missing database, adminSecretArn, userSecretArn, username'],
  ])('rejects %s', (_label, event, message) => {
    expect(() => fn.parseEvent(event)).toThrow(message);
  });

  test('the credential must be JSON with a password, for the user the event names', () => {
    expect(fn.parseCredential(JSON.stringify({ username: 'bi_reader', password: 'p' }), 'bi_reader')).toBe('p');
    expect(() => fn.parseCredential('not json', 'bi_reader')).toThrow('the user secret is not JSON with "username" and "password"');
    expect(() => fn.parseCredential(JSON.stringify({ username: 'bi_reader' }), 'bi_reader')).toThrow('the user secret has no "password"');
    expect(() => fn.parseCredential(JSON.stringify({ username: 'other', password: 'p' }), 'bi_reader'))
      .toThrow('the user secret is for "other", not "bi_reader"');
  });
});

describe('provision', () => {
  test('reads the secret, checks pg_user with a parameter, then creates the user in one batch', async () => {
    const { clients, calls } = stubs();
    const result = await fn.provision(EVENT, clients, NO_WAIT);
    expect(result).toEqual({ username: 'bi_reader', action: 'created', grants: 2 });
    expect(calls.map((c) => c.op)).toEqual(['getSecretValue', 'executeStatement', 'describeStatement', 'getStatementResult', 'batchExecuteStatement', 'describeStatement']);
    expect(calls[0].input).toEqual({ SecretId: EVENT.userSecretArn });
    expect(calls[1].input).toEqual({
      Database: 'analytics',
      SecretArn: EVENT.adminSecretArn,
      WorkgroupName: 'acme-warehouse',
      Sql: 'SELECT COUNT(*) FROM pg_user WHERE usename = :username',
      Parameters: [{ name: 'username', value: 'bi_reader' }],
    });
    const batch = calls[4].input;
    expect(batch.Database).toBe('analytics');
    expect(batch.SecretArn).toBe(EVENT.adminSecretArn);
    expect(batch.WorkgroupName).toBe('acme-warehouse');
    expect(batch.Sqls[0]).toBe(`CREATE USER "bi_reader" PASSWORD 'md5${md5(`${PASSWORD}bi_reader`)}'`);
    expect(batch.Sqls).toHaveLength(7);
    // The result goes to Terraform state: no secret in it.
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  test('an existing user is altered; a provisioned cluster is addressed by identifier', async () => {
    const { clients, calls } = stubs({ existing: 1 });
    const event = { ...EVENT, workgroupName: undefined, clusterIdentifier: 'acme-warehouse' };
    expect(await fn.provision(event, clients, NO_WAIT)).toEqual({ username: 'bi_reader', action: 'updated', grants: 2 });
    const batch = calls.find((c) => c.op === 'batchExecuteStatement')!.input;
    expect(batch.ClusterIdentifier).toBe('acme-warehouse');
    expect(batch.WorkgroupName).toBeUndefined();
    expect(batch.Sqls[0]).toMatch(/^ALTER USER "bi_reader" PASSWORD 'md5[0-9a-f]{32}'$/);
  });

  test('polls until the statement finishes', async () => {
    const { clients, calls } = stubs({ statuses: [[{ Status: 'SUBMITTED' }, { Status: 'STARTED' }, { Status: 'FINISHED' }], [{ Status: 'FINISHED' }]] });
    await fn.provision(EVENT, clients, NO_WAIT);
    expect(calls.filter((c) => c.op === 'describeStatement').map((c) => c.input.Id)).toEqual(['stmt-1', 'stmt-1', 'stmt-1', 'stmt-2']);
  });

  test('a failed batch fails with the failing statement\'s error', async () => {
    const { clients } = stubs({ statuses: [[{ Status: 'FINISHED' }], [{ Status: 'FAILED', SubStatements: [{ Status: 'FINISHED' }, { Status: 'FAILED', Error: 'schema "sales" does not exist' }] }]] });
    await expect(fn.provision(EVENT, clients, NO_WAIT)).rejects.toThrow('statement stmt-2 failed: schema "sales" does not exist');
  });

  test('an aborted statement fails with its error', async () => {
    const { clients } = stubs({ statuses: [[{ Status: 'ABORTED', Error: 'cancelled' }]] });
    await expect(fn.provision(EVENT, clients, NO_WAIT)).rejects.toThrow('statement stmt-1 aborted: cancelled');
  });

  test('a statement that never finishes times out', async () => {
    const { clients } = stubs({ statuses: [[{ Status: 'STARTED' }]] });
    const { Id } = await clients.data.executeStatement({});
    await expect(fn.waitForStatement(clients.data, Id, { intervalMs: 0, timeoutMs: 0, sleep: async () => undefined }))
      .rejects.toThrow('statement stmt-1 did not finish in 0 ms (last status STARTED)');
  });

  test('a secret for another user stops before any SQL runs', async () => {
    const { clients, calls } = stubs({ secret: JSON.stringify({ username: 'someone_else', password: 'x' }) });
    await expect(fn.provision(EVENT, clients, NO_WAIT)).rejects.toThrow('the user secret is for "someone_else", not "bi_reader"');
    expect(calls.map((c) => c.op)).toEqual(['getSecretValue']);
  });
});

/**
 * The bundled Kinesis -> Firehose forwarder (assets/lambda/stream-forwarder), pure logic only: the
 * Firehose client is a stub, so these tests pin framing, chunking, fan-out, retries and the batch
 * response. The real Firehose path (the same handler writing to a delivery stream that lands in S3)
 * is covered against the moto emulator in test/emulator/streaming-ingest.test.ts, maintained by
 * another engineer.
 */

/** What the stub client received: one entry per PutRecordBatch call. */
interface SentBatch {
  readonly DeliveryStreamName: string;
  readonly Records: { Data: Buffer }[];
}

interface BatchResponse {
  RequestResponses?: { RecordId?: string; ErrorCode?: string; ErrorMessage?: string }[];
}

const mockSend = jest.fn<Promise<BatchResponse>, [{ input: SentBatch }]>();

jest.mock('@aws-sdk/client-firehose', () => ({
  FirehoseClient: class {
    public send(command: { input: SentBatch }) {
      return mockSend(command);
    }
  },
  PutRecordBatchCommand: class {
    constructor(public readonly input: SentBatch) {}
  },
}));

interface KinesisEvent {
  Records: { kinesis: { sequenceNumber: string; data: string } }[];
}

interface Forwarder {
  handler(event: KinesisEvent, context?: unknown): Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  forward(event: KinesisEvent, env: Record<string, string | undefined>): Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  frame(record: KinesisEvent['Records'][number]): Buffer;
  chunks<T extends { data: Buffer }>(entries: T[]): T[][];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const forwarder = require('../../../assets/lambda/stream-forwarder') as Forwarder;

/** Mirrors of the handler's limits (the PutRecordBatch API limits). */
const MAX_BATCH_RECORDS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_ATTEMPTS = 3;

function record(sequenceNumber: string, data: string | Buffer): KinesisEvent['Records'][number] {
  return { kinesis: { sequenceNumber, data: Buffer.from(data).toString('base64') } };
}

function event(count: number, data: (i: number) => string | Buffer = (i) => `{"id":${i}}`): KinesisEvent {
  return { Records: Array.from({ length: count }, (_, i) => record(String(i + 1), data(i))) };
}

const sent = (): SentBatch[] => mockSend.mock.calls.map(([command]) => command.input);
const allAccepted = async ({ input }: { input: SentBatch }): Promise<BatchResponse> => ({ RequestResponses: input.Records.map((_, i) => ({ RecordId: `r${i}` })) });

let logSpy: jest.SpyInstance;
let errorSpy: jest.SpyInstance;
beforeEach(() => {
  mockSend.mockReset();
  mockSend.mockImplementation(allAccepted);
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  logSpy.mockRestore();
  errorSpy.mockRestore();
});

describe('framing', () => {
  test('adds one trailing newline, keeps an existing one', () => {
    expect(forwarder.frame(record('1', '{"a":1}')).toString()).toBe('{"a":1}\n');
    expect(forwarder.frame(record('1', '{"a":1}\n')).toString()).toBe('{"a":1}\n');
    expect(forwarder.frame(record('1', 'x\n\n')).toString()).toBe('x\n\n');
    expect(forwarder.frame(record('1', '')).toString()).toBe('\n');
  });

  test('binary data passes through unchanged apart from the newline', () => {
    const bytes = Buffer.from([0x00, 0xff, 0x0d]);
    expect([...forwarder.frame(record('1', bytes))]).toEqual([0x00, 0xff, 0x0d, 0x0a]);
  });

  test('the handler sends the framed records, in order', async () => {
    const result = await forwarder.forward({ Records: [record('1', 'a'), record('2', 'b\n')] }, { DELIVERY_STREAM_NAMES: 'clicks' });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sent()).toHaveLength(1);
    expect(sent()[0].DeliveryStreamName).toBe('clicks');
    expect(sent()[0].Records.map((r) => r.Data.toString())).toEqual(['a\n', 'b\n']);
  });
});

describe('chunking to PutRecordBatch limits', () => {
  test(`at most ${MAX_BATCH_RECORDS} records per call`, async () => {
    await forwarder.forward(event(1_201), { DELIVERY_STREAM_NAMES: 'clicks' });
    expect(sent().map((b) => b.Records.length)).toEqual([500, 500, 201]);
    // Order is kept across chunks.
    expect(sent()[1].Records[0].Data.toString()).toBe('{"id":500}\n');
  });

  test('at most 4 MiB per call', async () => {
    // Each framed record is 1,000,001 bytes: four fit in 4 MiB (4,194,304 bytes), five do not.
    await forwarder.forward(event(6, () => Buffer.alloc(1_000_000, 'x')), { DELIVERY_STREAM_NAMES: 'clicks' });
    expect(sent().map((b) => b.Records.length)).toEqual([4, 2]);
    for (const batch of sent()) {
      expect(batch.Records.reduce((n, r) => n + r.Data.length, 0)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    }
  });

  test('a chunk may fill exactly 4 MiB and exactly 500 records', () => {
    const exact = [0, 1, 2, 3].map(() => ({ data: Buffer.alloc(MAX_BATCH_BYTES / 4) }));
    expect(forwarder.chunks([...exact, { data: Buffer.alloc(1) }]).map((c) => c.length)).toEqual([4, 1]);
    const small = Array.from({ length: MAX_BATCH_RECORDS + 1 }, () => ({ data: Buffer.alloc(1) }));
    expect(forwarder.chunks(small).map((c) => c.length)).toEqual([500, 1]);
    expect(forwarder.chunks([])).toEqual([]);
  });
});

describe('fan-out', () => {
  test('every record goes to every delivery stream in DELIVERY_STREAM_NAMES', async () => {
    const result = await forwarder.forward(event(3), { DELIVERY_STREAM_NAMES: 'raw, archive' });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sent().map((b) => b.DeliveryStreamName)).toEqual(['raw', 'archive']);
    for (const batch of sent()) expect(batch.Records.map((r) => r.Data.toString())).toEqual(['{"id":0}\n', '{"id":1}\n', '{"id":2}\n']);
  });

  test('DELIVERY_STREAM_NAME (singular) is accepted too', async () => {
    await forwarder.forward(event(1), { DELIVERY_STREAM_NAME: 'only' });
    expect(sent().map((b) => b.DeliveryStreamName)).toEqual(['only']);
  });

  test('an empty batch sends nothing', async () => {
    expect(await forwarder.forward({ Records: [] }, { DELIVERY_STREAM_NAMES: 'clicks' })).toEqual({ batchItemFailures: [] });
    expect(mockSend).not.toHaveBeenCalled();
  });
});

describe('partial failures', () => {
  /** A stub that rejects the given records (by framed data) `times` times on `stream`. */
  function rejecting(rules: { stream: string; data: string; times: number }[]) {
    const left = new Map(rules.map((r) => [`${r.stream}|${r.data}`, r.times]));
    return async ({ input }: { input: SentBatch }): Promise<BatchResponse> => ({
      RequestResponses: input.Records.map((r, i) => {
        const key = `${input.DeliveryStreamName}|${r.Data.toString().trim()}`;
        const n = left.get(key) ?? 0;
        if (n > 0) {
          left.set(key, n - 1);
          return { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' };
        }
        return { RecordId: `r${i}` };
      }),
    });
  }

  test('a record rejected once is retried alone and succeeds', async () => {
    mockSend.mockImplementation(rejecting([{ stream: 'clicks', data: 'b', times: 1 }]));
    const result = await forwarder.forward({ Records: [record('1', 'a'), record('2', 'b'), record('3', 'c')] }, { DELIVERY_STREAM_NAMES: 'clicks' });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sent().map((b) => b.Records.map((r) => r.Data.toString()))).toEqual([['a\n', 'b\n', 'c\n'], ['b\n']]);
  });

  test(`records still rejected after ${MAX_ATTEMPTS} attempts are reported, in stream order, across streams`, async () => {
    mockSend.mockImplementation(rejecting([
      { stream: 'raw', data: 'e', times: Infinity },
      { stream: 'archive', data: 'b', times: Infinity },
      { stream: 'archive', data: 'c', times: 2 },
    ]));
    const records = ['a', 'b', 'c', 'd', 'e'].map((d, i) => record(`4959${i}`, d));
    const result = await forwarder.forward({ Records: records }, { DELIVERY_STREAM_NAMES: 'raw,archive' });
    // "e" fails on raw and "b" on archive: reported in the order of the batch, so Lambda retries from "b".
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '49591' }, { itemIdentifier: '49594' }] });
    const attemptsOf = (stream: string, data: string) =>
      sent().filter((b) => b.DeliveryStreamName === stream).filter((b) => b.Records.some((r) => r.Data.toString() === `${data}\n`)).length;
    expect(attemptsOf('raw', 'e')).toBe(MAX_ATTEMPTS);
    expect(attemptsOf('archive', 'b')).toBe(MAX_ATTEMPTS);
    expect(attemptsOf('archive', 'c')).toBe(3); // failed twice, accepted on the third attempt
    expect(mockSend).toHaveBeenCalledTimes(2 * MAX_ATTEMPTS);
  });

  test('a call that throws fails its whole chunk; after the bounded retries every record is reported', async () => {
    mockSend.mockRejectedValue(new Error('connect ECONNREFUSED'));
    const result = await forwarder.forward(event(3), { DELIVERY_STREAM_NAMES: 'clicks' });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '1' }, { itemIdentifier: '2' }, { itemIdentifier: '3' }]);
    expect(mockSend).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect(errorSpy).toHaveBeenCalledTimes(1);
    expect(JSON.parse(errorSpy.mock.calls[0][0])).toEqual({ level: 'error', streamName: 'clicks', message: 'Error: connect ECONNREFUSED' });
  });
});

describe('configuration', () => {
  test('no delivery stream names is an error', async () => {
    await expect(forwarder.forward(event(1), {})).rejects.toThrow('DELIVERY_STREAM_NAMES is not set');
    await expect(forwarder.forward(event(1), { DELIVERY_STREAM_NAMES: ' , ' })).rejects.toThrow('DELIVERY_STREAM_NAMES is not set');
    expect(mockSend).not.toHaveBeenCalled();
  });

  test('the Lambda entry point reads process.env, not its second argument (the runtime passes the context there)', async () => {
    const saved = process.env.DELIVERY_STREAM_NAMES;
    process.env.DELIVERY_STREAM_NAMES = 'from-env';
    try {
      const context = { functionName: 'acme-click-events', awsRequestId: '8f5c1d2e', getRemainingTimeInMillis: () => 60_000 };
      expect(await forwarder.handler(event(2), context)).toEqual({ batchItemFailures: [] });
      expect(sent().map((b) => b.DeliveryStreamName)).toEqual(['from-env']);
    } finally {
      if (saved === undefined) delete process.env.DELIVERY_STREAM_NAMES;
      else process.env.DELIVERY_STREAM_NAMES = saved;
    }
  });
});

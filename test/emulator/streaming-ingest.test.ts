/**
 * Tier 3: deploy the `streaming-ingest-aws` example to the moto emulator with terraform, push
 * uniquely numbered records through Kinesis -> forwarder -> Firehose -> S3, count them on each hop,
 * then destroy. Without terraform, the mirror or moto the tier is skipped, loudly.
 */
import * as path from 'path';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import {
  DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand, Shard,
} from '@aws-sdk/client-kinesis';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { EXAMPLES } from '../../examples';
import { MOTO_CREDENTIALS, MOTO_REGION, MotoServer, motoAvailable, startMoto } from '../support/moto';
import {
  cleanupTerraform, describeRun, runTerraform, skipTier, SynthesizedApp, SynthesizedStack, synthesizeApp, TerraformResult, terraformAvailable,
} from '../support/terraform';

/**
 * Resource types of the example that are not applied on moto (`terraform apply -target` every other
 * resource), and why. Checked in the unit tier and by terraform validate instead.
 */
export const NOT_APPLIED_ON_MOTO: ReadonlyArray<{ type: string; reason: string }> = [
  {
    type: 'aws_s3_bucket_policy',
    reason: 'moto 5.2.1 evaluates a Deny statement whose Condition is not met (DenyInsecureTransport, aws:SecureTransport=false) '
      + 'as a Deny, so every GetObject of the bucket answers 403; it also crashes (500) in PutBucketLogging on a statement with Principal "*"',
  },
  {
    type: 'aws_s3_bucket_logging',
    reason: 'moto 5.2.1 only accepts PutBucketLogging once the target bucket policy grants logging.s3.amazonaws.com, and that policy is not applied (above)',
  },
];

/**
 * Behaviour this tier does not exercise on moto, and why. Each is covered elsewhere (unit tier
 * assertions on the synthesized configuration, terraform validate) or not at all offline.
 */
export const NOT_EXERCISED_ON_MOTO: ReadonlyArray<{ what: string; reason: string }> = [
  {
    what: 'Lambda invocation of the forwarder by the Kinesis event source mapping',
    reason: 'moto runs Lambda code only in Docker and there is no Docker engine here (moto tries on every PutRecords and logs "error running docker"): '
      + 'the function and the mapping are created, and the test calls the real handler in-process with the records read back from Kinesis, '
      + 'shaped and batched like the mapping\'s event (it first checks that the bucket is still empty, i.e. that moto delivered nothing itself)',
  },
  {
    what: 'Event source mapping behaviour (batch size, starting position, retries, bisect on error, partial batch responses)',
    reason: 'never run by moto without Docker; the test only batches by the configured batch size',
  },
  {
    what: 'Firehose with a Kinesis stream as its source',
    reason: 'moto creates such a delivery stream but never moves records from the stream into it (the example uses direct PUT)',
  },
  { what: 'Firehose compression of S3 objects', reason: 'moto writes records as sent and ignores the compression setting: objects are read as plain text' },
  { what: 'Firehose buffering hints (size and interval)', reason: 'moto writes one object per PutRecordBatch call at once' },
  { what: 'Firehose error output prefix, CloudWatch error logging and processing configuration', reason: 'moto never fails a delivery nor runs processors' },
  { what: 'KMS encryption of stream, delivery stream and bucket', reason: 'moto records the settings but stores data unencrypted' },
  { what: 'IAM policy enforcement (grants of the forwarder and the Firehose role)', reason: 'moto does not evaluate IAM policies by default; grants are asserted in the unit tier' },
  ...NOT_APPLIED_ON_MOTO.map((r) => ({ what: `${r.type} (not applied)`, reason: r.reason })),
];

const EXAMPLE_NAME = 'streaming-ingest-aws';
const FORWARDER = path.join(__dirname, '..', '..', 'assets', 'lambda', 'stream-forwarder', 'index.js');
/** Records sent through the pipeline, and how many per PutRecords call (the API allows 500). */
const RECORDS = 250;
const PUT_BATCH = 100;
/** Lambda's default batch size for a Kinesis event source mapping. */
const DEFAULT_ESM_BATCH = 100;
/** The whole tier, and the cap of each step within it. */
const TIER_BUDGET_MS = 8 * 60_000;
const STEP_CAP_MS = { moto: 45_000, init: 90_000, apply: 240_000, data: 60_000, destroy: 150_000 };
const MAX_PAGES = 200;

const tier = (() => {
  const tf = terraformAvailable();
  if (!tf.ok) return tf;
  const moto = motoAvailable();
  if (!moto.ok) return moto;
  return { ok: true as const, detail: `${tf.detail}; ${moto.detail}` };
})();

const started = Date.now();
/** Time left for a step: its cap, or what remains of the tier budget, whichever is less. */
const budget = (cap: number) => Math.max(1_000, Math.min(cap, TIER_BUDGET_MS - (Date.now() - started)));

function check(what: string, result: TerraformResult): void {
  if (result.code !== 0) throw new Error(describeRun(what, result));
}

const utcHourPrefix = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCHours())}/`;
};

/** A record as read back from Kinesis. */
interface ReadRecord {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly arrival?: Date;
}

/** First element of a synthesized block (cdktf writes single blocks as objects, some as lists). */
const block = (value: any) => (Array.isArray(value) ? value[0] : value) ?? {};

if (!tier.ok) {
  skipTier('tier 3 (emulator)', tier.reason, 'deploy, send records, count them, destroy');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    let moto: MotoServer | undefined;
    let synthesized: SynthesizedApp | undefined;
    let stack: SynthesizedStack | undefined;
    let initialized = false;
    let applied = false;
    let destroyed = false;
    let outputs: Record<string, string> = {};
    let clients: { kinesis: KinesisClient; firehose: FirehoseClient; s3: S3Client } | undefined;
    /** Records read back from Kinesis, per shard, in order. */
    const readBack = new Map<string, ReadRecord[]>();
    let streamArn = '';
    const savedEnv = { ...process.env };
    const restoreEnv = () => {
      for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
      Object.assign(process.env, savedEnv);
    };
    const runId = `run-${Date.now().toString(36)}`;

    const tf = (args: string[], cap: number) => runTerraform(stack!.dir, args, { timeoutMs: budget(cap) });
    /** Every object key in the bucket (bounded pagination). */
    const listKeys = async (Bucket: string) => {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await clients!.s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
        keys.push(...(res.Contents ?? []).map((o) => o.Key!));
        ContinuationToken = res.NextContinuationToken;
        if (!ContinuationToken) break;
      }
      return keys;
    };
    /** Runs a step; on failure, appends the end of moto's log to the error. */
    const step = async (fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        if (e instanceof Error && moto) e.message += `\n--- moto log (last lines) ---\n${moto.logTail(40)}`;
        throw e;
      }
    };
    const needs = (what: string, ok: boolean) => {
      if (!ok) throw new Error(`not run: ${what} did not succeed (see the earlier failure)`);
    };

    beforeAll(async () => {
      console.log(['not exercised on moto:', ...NOT_EXERCISED_ON_MOTO.map((n) => `  - ${n.what}: ${n.reason}`)].join('\n'));
      moto = await startMoto({ readyTimeoutMs: budget(STEP_CAP_MS.moto) });
      const example = EXAMPLES.find((e) => e.name === EXAMPLE_NAME);
      if (!example) throw new Error(`examples/index.ts has no example named ${EXAMPLE_NAME} (has: ${EXAMPLES.map((e) => e.name).join(', ')})`);
      synthesized = synthesizeApp((app) => {
        example.build(app, { localEndpointUrl: moto!.url });
      }, EXAMPLE_NAME);
      if (synthesized.stacks.length !== 1) throw new Error(`${EXAMPLE_NAME} synthesized ${synthesized.stacks.length} stacks, expected 1`);
      stack = synthesized.stacks[0];
      const config = { endpoint: moto.url, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 2 };
      const firehose = new FirehoseClient(config);
      clients = {
        // The Kinesis client defaults to HTTP/2, which moto (HTTP/1.1 on plain http) refuses:
        // it shares the Firehose client's HTTP/1.1 handler.
        kinesis: new KinesisClient({ ...config, requestHandler: firehose.config.requestHandler }),
        firehose,
        s3: new S3Client({ ...config, forcePathStyle: true }),
      };
    }, STEP_CAP_MS.moto + 30_000);

    afterAll(async () => {
      try {
        // A failed test may leave resources behind: try to destroy them while moto is still up.
        if (initialized && !destroyed && stack) {
          const result = tf(['destroy', '-auto-approve', '-input=false', '-no-color'], 60_000);
          if (result.code !== 0) console.warn(describeRun('cleanup terraform destroy', result, 2000));
        }
      } finally {
        Object.values(clients ?? {}).forEach((c) => c.destroy());
        restoreEnv();
        if (moto) {
          if (!destroyed) console.warn(`moto log (last lines):\n${moto.logTail(30)}`);
          await moto.stop();
        }
        synthesized?.remove();
        cleanupTerraform();
      }
    }, 90_000);

    test('terraform init + apply deploys the example to moto', () => {
      needs('setup (moto, synthesis)', stack !== undefined && clients !== undefined);
      check('terraform init', tf(['init', '-input=false', '-no-color', `-backend-config=path=${path.join(stack!.dir, 'terraform.tfstate')}`], STEP_CAP_MS.init));
      initialized = true;
      const skipped = new Set(NOT_APPLIED_ON_MOTO.map((r) => r.type));
      const all = Object.entries<Record<string, unknown>>(stack!.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => ({ type, address: `${type}.${name}` })));
      const targets = all.filter((r) => !skipped.has(r.type));
      const targetArgs = targets.length < all.length ? targets.map((r) => `-target=${r.address}`) : [];
      console.log(`applying ${targets.length} of ${all.length} resources; not applied on moto: ${all.filter((r) => skipped.has(r.type)).map((r) => r.address).join(', ') || 'none'}`);
      const apply = tf(['apply', '-auto-approve', '-input=false', '-no-color', ...targetArgs], STEP_CAP_MS.apply);
      if (apply.code !== 0) throw new Error(`${describeRun('terraform apply', apply)}\n--- moto log ---\n${moto!.logTail(30)}`);
      // Targets pull in their dependencies: make sure nothing excluded was applied after all.
      const state = tf(['state', 'list'], 30_000);
      check('terraform state list', state);
      expect(state.stdout.split('\n').filter((address) => skipped.has(address.split('.')[0]))).toEqual([]);
      const out = tf(['output', '-json'], 30_000);
      check('terraform output', out);
      outputs = Object.fromEntries(Object.entries<any>(JSON.parse(out.stdout)).map(([k, v]) => [k, String(v.value)]));
      console.log(`applied in ${apply.durationMs} ms; outputs: ${JSON.stringify(outputs)}`);
      const missing = ['stream_name', 'delivery_stream_name', 'bucket_name', 'function_name'].filter((key) => !outputs[key]);
      expect(missing).toEqual([]);
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test(`Kinesis: ${RECORDS} records put, read back exactly once across all shards`, async () => {
      needs('apply', applied);
      await step(async () => {
        const { kinesis } = clients!;
        const StreamName = outputs.stream_name;
        for (let first = 0; first < RECORDS; first += PUT_BATCH) {
          const ids = Array.from({ length: Math.min(PUT_BATCH, RECORDS - first) }, (_, i) => first + i);
          const res = await kinesis.send(new PutRecordsCommand({
            StreamName,
            Records: ids.map((id) => ({ PartitionKey: `key-${id}`, Data: Buffer.from(JSON.stringify({ id, run: runId, payload: `record ${id}` })) })),
          }));
          expect(res.FailedRecordCount ?? 0).toBe(0);
          expect(res.Records).toHaveLength(ids.length);
        }

        streamArn = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))).StreamDescriptionSummary!.StreamARN!;
        const shards: Shard[] = [];
        let NextToken: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const res = await kinesis.send(new ListShardsCommand(NextToken ? { NextToken } : { StreamName }));
          shards.push(...(res.Shards ?? []));
          NextToken = res.NextToken;
          if (!NextToken) break;
        }
        expect(shards.length).toBeGreaterThan(0);

        const deadline = Date.now() + budget(STEP_CAP_MS.data);
        for (const shard of shards) {
          const records: ReadRecord[] = [];
          let iterator = (await kinesis.send(new GetShardIteratorCommand({ StreamName, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
          for (let call = 0; iterator && call < MAX_PAGES && Date.now() < deadline; call++) {
            const res = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
            for (const r of res.Records ?? []) {
              const { SequenceNumber, PartitionKey, Data, ApproximateArrivalTimestamp } = r;
              records.push({ sequenceNumber: SequenceNumber!, partitionKey: PartitionKey!, data: Data!, arrival: ApproximateArrivalTimestamp });
            }
            if ((res.Records ?? []).length === 0 && (res.MillisBehindLatest ?? 0) === 0) break;
            iterator = res.NextShardIterator;
          }
          readBack.set(shard.ShardId!, records);
        }
        const ids = [...readBack.values()].flat().map((r) => JSON.parse(Buffer.from(r.data).toString('utf8')).id as number);
        console.log(`Kinesis: ${ids.length} records read back from ${shards.length} shard(s): ${[...readBack].map(([s, r]) => `${s}=${r.length}`).join(', ')}`);
        expect(ids.length).toBe(RECORDS);
        expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
      });
    }, STEP_CAP_MS.data + 30_000);

    let forwardedFrom = 0;
    let forwardedTo = 0;

    test('forwarder: the real handler writes every record to the delivery stream, no batch item failures', async () => {
      needs('Kinesis read-back', readBack.size > 0);
      await step(async () => {
        const mapping = Object.values<any>(stack!.json.resource?.aws_lambda_event_source_mapping ?? {})[0];
        const batchSize = Number(mapping?.batch_size ?? DEFAULT_ESM_BATCH);
        // Nothing may have reached the bucket yet: if moto had run the Lambda itself (with Docker), this
        // test would deliver every record twice.
        expect(await listKeys(outputs.bucket_name)).toEqual([]);
        Object.assign(process.env, {
          DELIVERY_STREAM_NAME: outputs.delivery_stream_name,
          DELIVERY_STREAM_NAMES: outputs.delivery_stream_name,
          AWS_ENDPOINT_URL: moto!.url,
          AWS_REGION: MOTO_REGION,
          AWS_DEFAULT_REGION: MOTO_REGION,
          AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
        });
        delete process.env.AWS_SESSION_TOKEN;
        delete process.env.AWS_PROFILE;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const forwarder = require(FORWARDER) as { handler(event: unknown): Promise<{ batchItemFailures?: unknown[] }> };
        forwardedFrom = Date.now();
        let invocations = 0;
        for (const [shardId, records] of readBack) {
          // The mapping sends one shard's records, in order, at most batchSize at a time.
          for (let i = 0; i < records.length; i += batchSize) {
            const event = {
              Records: records.slice(i, i + batchSize).map((r) => ({
                kinesis: {
                  kinesisSchemaVersion: '1.0',
                  partitionKey: r.partitionKey,
                  sequenceNumber: r.sequenceNumber,
                  data: Buffer.from(r.data).toString('base64'),
                  approximateArrivalTimestamp: (r.arrival ?? new Date()).getTime() / 1000,
                },
                eventSource: 'aws:kinesis',
                eventVersion: '1.0',
                eventID: `${shardId}:${r.sequenceNumber}`,
                eventName: 'aws:kinesis:record',
                invokeIdentityArn: `arn:aws:iam::123456789012:role/${outputs.function_name}`,
                awsRegion: MOTO_REGION,
                eventSourceARN: streamArn,
              })),
            };
            const response = await forwarder.handler(event);
            invocations++;
            expect(response?.batchItemFailures).toEqual([]);
          }
        }
        forwardedTo = Date.now();
        console.log(`forwarder: ${invocations} invocation(s) of up to ${batchSize} records`);
      });
    }, STEP_CAP_MS.data + 30_000);

    test(`S3: exactly ${RECORDS} records land under the date prefix, each once`, async () => {
      needs('forwarder', forwardedTo > 0);
      await step(async () => {
        const { s3 } = clients!;
        const Bucket = outputs.bucket_name;
        const firehoses = Object.values<any>(stack!.json.resource?.aws_kinesis_firehose_delivery_stream ?? {});
        const firehose = firehoses.find((f) => f.name === outputs.delivery_stream_name) ?? (firehoses.length === 1 ? firehoses[0] : undefined);
        if (!firehose) throw new Error(`no aws_kinesis_firehose_delivery_stream named ${outputs.delivery_stream_name} in the synthesized stack`);
        const configured = String(block(firehose.extended_s3_configuration).prefix ?? block(firehose.s3_configuration).prefix ?? '');
        // moto, like Firehose, adds "yyyy/MM/dd/HH/" (UTC, at delivery) after the configured prefix.
        const base = configured === '' || configured.endsWith('/') ? configured : `${configured}/`;
        const expected = new Set([utcHourPrefix(new Date(forwardedFrom)), utcHourPrefix(new Date(forwardedTo))].map((h) => `${base}${h}`));

        const keys = await listKeys(Bucket);
        expect(keys.length).toBeGreaterThan(0);
        const misplaced = keys.filter((k) => ![...expected].some((p) => k.startsWith(p)));
        expect({ misplaced, expectedPrefixes: [...expected] }).toEqual({ misplaced: [], expectedPrefixes: [...expected] });

        const ids: number[] = [];
        for (const Key of keys) {
          const body = await (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToString('utf8');
          for (const line of body.split('\n')) {
            if (line.trim() === '') continue;
            const record = JSON.parse(line);
            expect(record.run).toBe(runId);
            ids.push(record.id);
          }
        }
        console.log(`S3: ${ids.length} records in ${keys.length} object(s) under ${[...expected].join(' or ')}`);
        expect(ids.length).toBe(RECORDS);
        expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
      });
    }, STEP_CAP_MS.data + 30_000);

    test('terraform destroy exits 0', () => {
      needs('init', initialized);
      const result = tf(['destroy', '-auto-approve', '-input=false', '-no-color'], STEP_CAP_MS.destroy);
      if (result.code !== 0) throw new Error(`${describeRun('terraform destroy', result)}\n--- moto log ---\n${moto!.logTail(30)}`);
      destroyed = true;
      console.log(`destroyed in ${result.durationMs} ms`);
    }, STEP_CAP_MS.destroy + 30_000);
  });
}

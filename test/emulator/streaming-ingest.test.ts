/**
 * Tier 3: deploy the `streaming-ingest-aws` example to the moto emulator with terraform, push
 * uniquely numbered records through Kinesis -> forwarder -> Firehose -> S3, count them on each hop,
 * then destroy. Without terraform, the mirror or moto the tier is skipped, loudly.
 */
import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { EXAMPLES } from '../../examples';
import { EmulatorDeployment, emulatorTier, needs, ReadRecord, STEP_CAP_MS } from '../support/emulator-deployment';
import { skipTier } from '../support/terraform';

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
/** Records sent through the pipeline, and how many per PutRecords call (the API allows 500). */
const RECORDS = 250;
const PUT_BATCH = 100;

const tier = emulatorTier();

const utcHourPrefix = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCHours())}/`;
};

/** First element of a synthesized block (cdktf writes single blocks as objects, some as lists). */
const block = (value: any) => (Array.isArray(value) ? value[0] : value) ?? {};

if (!tier.ok) {
  skipTier('tier 3 (emulator)', tier.reason, 'deploy, send records, count them, destroy');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({
      name: EXAMPLE_NAME,
      build: (app, localEndpointUrl) => {
        const example = EXAMPLES.find((e) => e.name === EXAMPLE_NAME);
        if (!example) throw new Error(`examples/index.ts has no example named ${EXAMPLE_NAME} (has: ${EXAMPLES.map((e) => e.name).join(', ')})`);
        example.build(app, { localEndpointUrl });
      },
    });
    let applied = false;
    let outputs: Record<string, string> = {};
    /** Records read back from Kinesis, per shard, in order. */
    const readBack = new Map<string, ReadRecord[]>();
    let streamArn = '';
    const runId = `run-${Date.now().toString(36)}`;

    beforeAll(() => deployment.start(NOT_EXERCISED_ON_MOTO), STEP_CAP_MS.moto + 30_000);

    // A failed test may leave resources behind: cleanup destroys them while moto is still up.
    afterAll(() => deployment.cleanup(), 90_000);

    test('terraform init + apply deploys the example to moto', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply(NOT_APPLIED_ON_MOTO);
      // Targets pull in their dependencies: make sure nothing excluded was applied after all.
      expect(apply.excludedInState).toEqual([]);
      deployment.readOutputs();
      outputs = deployment.outputs;
      console.log(`applied in ${apply.durationMs} ms; outputs: ${JSON.stringify(outputs)}`);
      const missing = ['stream_name', 'delivery_stream_name', 'bucket_name', 'function_name'].filter((key) => !outputs[key]);
      expect(missing).toEqual([]);
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test(`Kinesis: ${RECORDS} records put, read back exactly once across all shards`, async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const { kinesis } = deployment.clients!;
        const StreamName = outputs.stream_name;
        for await (const { ids, res } of deployment.putRecords(StreamName, RECORDS, PUT_BATCH, (id) => ({ id, run: runId, payload: `record ${id}` }))) {
          expect(res.FailedRecordCount ?? 0).toBe(0);
          expect(res.Records).toHaveLength(ids.length);
        }

        streamArn = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))).StreamDescriptionSummary!.StreamARN!;
        const shards = await deployment.listShards(StreamName);
        expect(shards.length).toBeGreaterThan(0);

        const deadline = Date.now() + deployment.budget(STEP_CAP_MS.data);
        for (const shard of shards) readBack.set(shard.ShardId!, await deployment.readShard(StreamName, shard.ShardId!, deadline));
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
      await deployment.step(async () => {
        // Nothing may have reached the bucket yet: if moto had run the Lambda itself (with Docker), this
        // test would deliver every record twice.
        expect(await deployment.listKeys(outputs.bucket_name)).toEqual([]);
        const forwarder = deployment.forwarder({
          DELIVERY_STREAM_NAME: outputs.delivery_stream_name,
          DELIVERY_STREAM_NAMES: outputs.delivery_stream_name,
        });
        forwardedFrom = Date.now();
        let invocations = 0;
        // The mapping sends one shard's records, in order, at most batchSize at a time.
        for await (const response of forwarder.invoke(readBack, streamArn)) {
          invocations++;
          expect(response?.batchItemFailures).toEqual([]);
        }
        forwardedTo = Date.now();
        console.log(`forwarder: ${invocations} invocation(s) of up to ${forwarder.batchSize} records`);
      });
    }, STEP_CAP_MS.data + 30_000);

    test(`S3: exactly ${RECORDS} records land under the date prefix, each once`, async () => {
      needs('forwarder', forwardedTo > 0);
      await deployment.step(async () => {
        const Bucket = outputs.bucket_name;
        const firehoses = Object.values<any>(deployment.stack!.json.resource?.aws_kinesis_firehose_delivery_stream ?? {});
        const firehose = firehoses.find((f) => f.name === outputs.delivery_stream_name) ?? (firehoses.length === 1 ? firehoses[0] : undefined);
        if (!firehose) throw new Error(`no aws_kinesis_firehose_delivery_stream named ${outputs.delivery_stream_name} in the synthesized stack`);
        const configured = String(block(firehose.extended_s3_configuration).prefix ?? block(firehose.s3_configuration).prefix ?? '');
        // moto, like Firehose, adds "yyyy/MM/dd/HH/" (UTC, at delivery) after the configured prefix.
        const base = configured === '' || configured.endsWith('/') ? configured : `${configured}/`;
        const expected = new Set([utcHourPrefix(new Date(forwardedFrom)), utcHourPrefix(new Date(forwardedTo))].map((h) => `${base}${h}`));

        const keys = await deployment.listKeys(Bucket);
        expect(keys.length).toBeGreaterThan(0);
        const misplaced = keys.filter((k) => ![...expected].some((p) => k.startsWith(p)));
        expect({ misplaced, expectedPrefixes: [...expected] }).toEqual({ misplaced: [], expectedPrefixes: [...expected] });

        const ids: number[] = [];
        for (const record of await deployment.readJsonLines(Bucket, keys)) {
          expect(record.run).toBe(runId);
          ids.push(record.id);
        }
        console.log(`S3: ${ids.length} records in ${keys.length} object(s) under ${[...expected].join(' or ')}`);
        expect(ids.length).toBe(RECORDS);
        expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
      });
    }, STEP_CAP_MS.data + 30_000);

    test('terraform destroy exits 0', () => {
      needs('init', deployment.initialized);
      const result = deployment.destroy();
      console.log(`destroyed in ${result.durationMs} ms`);
    }, STEP_CAP_MS.destroy + 30_000);
  });
}

/**
 * Tier 3: deploy the `data-lake-aws` example to the moto emulator with terraform, push uniquely
 * numbered records with a known `event_type` mix through Kinesis -> forwarder -> Firehose into the
 * lake's raw zone, count them there, read the raw zone's Glue database and table back, then destroy.
 * Without terraform, the mirror or moto the tier is skipped, loudly.
 */
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { dataLakeAws } from '../../examples/data-lake-aws';
import { check, EmulatorDeployment, emulatorTier, needs, ReadRecord, STEP_CAP_MS } from '../support/emulator-deployment';
import { MOTO_CREDENTIALS, MOTO_REGION } from '../support/moto';
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
  {
    type: 'aws_athena_workgroup',
    reason: 'moto 5.2.1 answers the provider\'s ListTagsForResource with "workgroup does not exist", so the apply fails (measured, see machines.md); the unit tier asserts its configuration',
  },
];

/**
 * Behaviour this tier does not exercise on moto, and why. Each is covered elsewhere (unit tier
 * assertions on the synthesized configuration, terraform validate) or not at all offline.
 */
export const NOT_EXERCISED_ON_MOTO: ReadonlyArray<{ what: string; reason: string }> = [
  {
    what: 'Firehose dynamic partitioning (the date/hour partitions and event_type=!{partitionKeyFromQuery:event_type})',
    reason: 'moto 5.2.1 stores the DynamicPartitioningConfiguration and returns it from DescribeDeliveryStream but does not evaluate the prefix: '
      + 'every object lands under the literal, unexpanded prefix expression followed by "yyyy/MM/dd/HH/" (its non-partitioned layout), '
      + 'all event types mixed in one object per PutRecordBatch; the test asserts exactly that, and that the configuration reached the API',
  },
  {
    what: 'Firehose processing configuration (the JQ-1.6 MetadataExtraction processor)',
    reason: 'moto stores the processor and returns it, never runs it; the query is asserted in the unit tier and read back here from DescribeDeliveryStream',
  },
  {
    what: 'Firehose error output prefix (records without event_type, partitioning failures) and CloudWatch error logging',
    reason: 'moto never fails a delivery: the test asserts that nothing lands under errors/',
  },
  {
    what: 'Lambda invocation of the forwarder by the Kinesis event source mapping',
    reason: 'moto runs Lambda code only in Docker and there is no Docker engine here: the function and the mapping are created, and the test calls '
      + 'the real handler in-process with the records read back from Kinesis, batched like the mapping\'s event',
  },
  { what: 'Firehose compression and buffering hints', reason: 'moto writes records as sent, one object per PutRecordBatch call, at once' },
  { what: 'KMS encryption of stream, delivery stream and bucket', reason: 'moto records the settings but stores data unencrypted' },
  { what: 'IAM policy enforcement (forwarder and Firehose role grants)', reason: 'moto does not evaluate IAM policies by default; grants are asserted in the unit tier' },
  {
    what: 'Reading the Glue table with the AWS SDK',
    reason: '@aws-sdk/client-glue is not installed (nothing new is installed for this tier): the database and table are read back from '
      + '`terraform show -json` (which terraform refreshed from moto\'s GetDatabase/GetTable) and with one raw GetTable call to moto\'s JSON API',
  },
  ...NOT_APPLIED_ON_MOTO.map((r) => ({ what: `${r.type} (not applied)`, reason: r.reason })),
];

const EXAMPLE_NAME = 'data-lake-aws';
/** The `event_type` mix sent (the partition field of the example), and how many records of each. */
const EVENT_MIX: ReadonlyArray<readonly [string, number]> = [['click', 120], ['view', 75], ['purchase', 45]];
const RECORDS = EVENT_MIX.reduce((n, [, count]) => n + count, 0);
const PUT_BATCH = 100;

const tier = emulatorTier();

const pad = (n: number) => String(n).padStart(2, '0');
/** moto's (and Firehose's default) `yyyy/MM/dd/HH/` of a UTC time. */
const utcHourPath = (d: Date) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}/`;
/** What real Firehose writes for the lake's time partitions: `dt=yyyy-MM-dd/hour=HH/`. */
const hivePartitions = (d: Date) => `dt=${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}/hour=${pad(d.getUTCHours())}/`;

/** The event type of record `id`: the first `EVENT_MIX[0][1]` ids are the first type, and so on. */
function eventTypeOf(id: number): string {
  let first = 0;
  for (const [type, count] of EVENT_MIX) {
    if (id < first + count) return type;
    first += count;
  }
  throw new Error(`record ${id} is outside the mix of ${RECORDS}`);
}

/** First element of a synthesized block (cdktf writes single blocks as objects, some as lists). */
const block = (value: any) => (Array.isArray(value) ? value[0] : value) ?? {};

if (!tier.ok) {
  skipTier('tier 3 (emulator, data lake)', tier.reason, 'deploy the lake, send records, count them per partition, read the catalog, destroy');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({
      name: EXAMPLE_NAME,
      build: (app, localEndpointUrl) => dataLakeAws(app, { localEndpointUrl }),
    });
    let applied = false;
    let outputs: Record<string, string> = {};
    const readBack = new Map<string, ReadRecord[]>();
    let streamArn = '';
    const runId = `run-${Date.now().toString(36)}`;
    /** The stream's base prefix in the raw zone: raw_prefix (the deployed expression) before its partitions. */
    const rawBase = () => outputs.raw_prefix.slice(0, outputs.raw_prefix.indexOf('dt=!{'));
    /** The example's only delivery stream, as synthesized. */
    const synthesizedFirehose = () => {
      const firehoses = Object.values<any>(deployment.stack!.json.resource?.aws_kinesis_firehose_delivery_stream ?? {});
      const firehose = firehoses.find((f) => f.name === outputs.delivery_stream_name);
      if (!firehose) throw new Error(`no aws_kinesis_firehose_delivery_stream named ${outputs.delivery_stream_name} in the synthesized stack`);
      return block(firehose.extended_s3_configuration);
    };

    beforeAll(() => deployment.start(NOT_EXERCISED_ON_MOTO), STEP_CAP_MS.moto + 30_000);

    afterAll(() => deployment.cleanup(), 90_000);

    test('terraform init + apply deploys the example to moto', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply(NOT_APPLIED_ON_MOTO);
      expect(apply.excludedInState).toEqual([]);
      // With -target, terraform skips outputs that reference no resource (raw_prefix is a literal):
      // take those from the synthesized configuration.
      const literal = deployment.readOutputs({ literalFallback: true });
      outputs = deployment.outputs;
      console.log(`applied in ${apply.durationMs} ms; outputs: ${JSON.stringify(outputs)}${literal.length ? ` (${literal.join(', ')} from cdk.tf.json)` : ''}`);
      const missing = ['stream_name', 'delivery_stream_name', 'function_name', 'bucket_name', 'raw_prefix', 'database_name', 'table_name'].filter((key) => !outputs[key]);
      expect(missing).toEqual([]);
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test('Firehose: the lake configuration reached the API (dynamic partitioning, JQ processor, prefixes)', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const synthesizedConfig = synthesizedFirehose();
        const description = await deployment.clients!.firehose.send(
          new DescribeDeliveryStreamCommand({ DeliveryStreamName: outputs.delivery_stream_name }),
        );
        const s3 = description.DeliveryStreamDescription?.Destinations?.[0]?.ExtendedS3DestinationDescription;
        // lake.destination() without a prefix delivers under the stream's name ("events").
        expect(rawBase()).toBe('events/');
        expect(s3?.Prefix).toBe(synthesizedConfig.prefix);
        expect(s3?.Prefix).toBe(outputs.raw_prefix);
        expect(s3?.Prefix).toBe('events/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/event_type=!{partitionKeyFromQuery:event_type}/');
        expect(s3?.ErrorOutputPrefix).toBe('errors/events/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/');
        expect(s3?.DynamicPartitioningConfiguration).toEqual({ Enabled: true, RetryOptions: { DurationInSeconds: 300 } });
        expect(s3?.ProcessingConfiguration).toEqual({
          Enabled: true,
          Processors: [{
            Type: 'MetadataExtraction',
            Parameters: [
              { ParameterName: 'MetadataExtractionQuery', ParameterValue: '{event_type: .event_type}' },
              { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' },
            ],
          }],
        });
        expect(s3?.BufferingHints).toEqual({ SizeInMBs: 128, IntervalInSeconds: 300 });
      });
    }, STEP_CAP_MS.data);

    test(`Kinesis: ${RECORDS} records (${EVENT_MIX.map(([t, n]) => `${n} ${t}`).join(', ')}) put, read back exactly once`, async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const { kinesis } = deployment.clients!;
        const StreamName = outputs.stream_name;
        for await (const { res } of deployment.putRecords(StreamName, RECORDS, PUT_BATCH, (id) => ({ id, run: runId, event_type: eventTypeOf(id), payload: `record ${id}` }))) {
          expect(res.FailedRecordCount ?? 0).toBe(0);
        }
        streamArn = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))).StreamDescriptionSummary!.StreamARN!;
        const shards = await deployment.listShards(StreamName);
        expect(shards.length).toBeGreaterThan(0);
        const deadline = Date.now() + deployment.budget(STEP_CAP_MS.data);
        for (const shard of shards) readBack.set(shard.ShardId!, await deployment.readShard(StreamName, shard.ShardId!, deadline));
        const ids = [...readBack.values()].flat().map((r) => JSON.parse(Buffer.from(r.data).toString('utf8')).id as number);
        console.log(`Kinesis: ${ids.length} records read back from ${shards.length} shard(s)`);
        expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
      });
    }, STEP_CAP_MS.data + 30_000);

    let forwardedFrom = 0;
    let forwardedTo = 0;
    let invocations = 0;

    test('forwarder: the real handler writes every record to the delivery stream, no batch item failures', async () => {
      needs('Kinesis read-back', readBack.size > 0);
      await deployment.step(async () => {
        // Nothing may be in the zone yet: moto must not have run the Lambda itself.
        expect(await deployment.listKeys(outputs.bucket_name)).toEqual([]);
        const forwarder = deployment.forwarder({
          DELIVERY_STREAM_NAMES: outputs.delivery_stream_name,
          DELIVERY_STREAM_NAME: undefined,
        });
        forwardedFrom = Date.now();
        for await (const response of forwarder.invoke(readBack, streamArn)) {
          invocations++;
          expect(response?.batchItemFailures).toEqual([]);
        }
        forwardedTo = Date.now();
        console.log(`forwarder: ${invocations} invocation(s) of up to ${forwarder.batchSize} records in ${forwardedTo - forwardedFrom} ms`);
      });
    }, STEP_CAP_MS.data + 30_000);

    test(`raw zone: exactly ${RECORDS} records under the configured prefix as moto writes it, each once, the event_type mix intact`, async () => {
      needs('forwarder', forwardedTo > 0);
      await deployment.step(async () => {
        const Bucket = outputs.bucket_name;
        const configured = String(synthesizedFirehose().prefix);
        // moto writes "<configured prefix, unexpanded>yyyy/MM/dd/HH/<object>" (see NOT_EXERCISED_ON_MOTO).
        const hours = [...new Set([new Date(forwardedFrom), new Date(forwardedTo)].map(utcHourPath))];
        const expectedPrefixes = hours.map((h) => `${configured}${h}`);
        // What real Firehose would write for the same records, for the log (not produced by moto).
        const realFirehose = [...new Set([new Date(forwardedFrom), new Date(forwardedTo)].map(hivePartitions))]
          .flatMap((p) => EVENT_MIX.map(([type]) => `${rawBase()}${p}event_type=${type}/`));

        const keys = await deployment.listKeys(Bucket);
        const misplaced = keys.filter((k) => !expectedPrefixes.some((p) => k.startsWith(p)));
        expect({ misplaced, expectedPrefixes }).toEqual({ misplaced: [], expectedPrefixes });
        // moto ignores dynamic partitioning: no key has an evaluated date partition, nothing failed.
        expect(keys.filter((k) => k.startsWith(`${rawBase()}dt=2`))).toEqual([]);
        expect(await deployment.listKeys(Bucket, 'errors/')).toEqual([]);
        // One object per PutRecordBatch: the forwarder makes one call per invocation of <= 100 records.
        expect(keys.length).toBe(invocations);

        const ids: number[] = [];
        const perType = new Map<string, number>();
        for (const record of await deployment.readJsonLines(Bucket, keys)) {
          expect(record.run).toBe(runId);
          expect(record.event_type).toBe(eventTypeOf(record.id));
          ids.push(record.id);
          perType.set(record.event_type, (perType.get(record.event_type) ?? 0) + 1);
        }
        console.log([
          `raw zone: ${ids.length} records in ${keys.length} object(s) under ${expectedPrefixes.join(' or ')}`,
          `  per event_type: ${[...perType].map(([t, n]) => `${t}=${n}`).join(', ')}`,
          `  real Firehose would write them under: ${realFirehose.join(', ')}`,
        ].join('\n'));
        expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
        expect(Object.fromEntries(perType)).toEqual(Object.fromEntries(EVENT_MIX));
      });
    }, STEP_CAP_MS.data + 30_000);

    test('catalog: the raw zone database and its Iceberg table read back (terraform show -json, and GetTable on moto)', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const show = deployment.tf(['show', '-json', '-no-color'], 30_000);
        check('terraform show -json', show);
        const resources: any[] = JSON.parse(show.stdout).values?.root_module?.resources ?? [];
        const zoneRoot = `s3://${outputs.bucket_name}/`;
        const databases = resources.filter((r) => r.type === 'aws_glue_catalog_database').map((r) => r.values);
        // One database per zone (raw, curated, analytics); the raw one is located at the raw zone's root.
        expect(databases.map((d) => d.name).sort()).toEqual(['example_lake_analytics', 'example_lake_curated', 'example_lake_raw']);
        expect(databases.find((d) => d.name === outputs.database_name)?.location_uri).toBe(zoneRoot);
        const tables = resources.filter((r) => r.type === 'aws_glue_catalog_table').map((r) => r.values);
        expect(tables.map((t) => [t.database_name, t.name])).toEqual([[outputs.database_name, outputs.table_name]]);
        const location = `${zoneRoot}${outputs.table_name}/`;
        expect(tables[0].table_type).toBe('EXTERNAL_TABLE');
        expect(tables[0].storage_descriptor[0].location).toBe(location);
        expect(tables[0].storage_descriptor[0].columns.map((c: any) => `${c.name}:${c.type}`)).toEqual(['id:bigint', 'event_type:string', 'payload:string']);
        // The table lives beside the stream's prefix, never under it (Firehose files are not Iceberg data files).
        expect(location.startsWith(`${zoneRoot}${rawBase()}`)).toBe(false);

        // The same table straight from moto's Glue API (JSON 1.1; moto does not check signatures).
        const response = await fetch(deployment.moto!.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': 'AWSGlue.GetTable',
            'Authorization': `AWS4-HMAC-SHA256 Credential=${MOTO_CREDENTIALS.accessKeyId}/20240101/${MOTO_REGION}/glue/aws4_request, SignedHeaders=host, Signature=0`,
          },
          body: JSON.stringify({ DatabaseName: outputs.database_name, Name: outputs.table_name }),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
        const glueTable = JSON.parse(text).Table;
        expect([glueTable.DatabaseName, glueTable.Name, glueTable.StorageDescriptor.Location])
          .toEqual([outputs.database_name, outputs.table_name, location]);
        expect(glueTable.StorageDescriptor.Columns.map((c: any) => c.Name)).toEqual(['id', 'event_type', 'payload']);
        console.log(`catalog: databases ${databases.map((d) => d.name).join(', ')}; table ${outputs.database_name}.${outputs.table_name} at ${location} `
          + `(parameters from moto: ${JSON.stringify(glueTable.Parameters ?? {})})`);
      });
    }, STEP_CAP_MS.data);

    test('terraform destroy exits 0', () => {
      needs('init', deployment.initialized);
      const result = deployment.destroy();
      console.log(`destroyed in ${result.durationMs} ms; tier took ${Date.now() - deployment.started} ms`);
    }, STEP_CAP_MS.destroy + 30_000);
  });
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { EXAMPLES } from '../../examples';
import {
  DEFAULT_HEADROOM_PERCENT,
  KINESIS_SHARD_WRITE_BYTES_PER_SECOND,
  KINESIS_SHARD_WRITE_RECORDS_PER_SECOND,
  LOCAL_ENDPOINT_SERVICES,
} from '../../src';
import { buildReferenceApp } from '../../stacks/app';

/** Synthesized JSON of a stack, with validations. */
function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

function resourceCount(json: any): number {
  return Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
}

function stacksOf(app: App): TerraformStack[] {
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
}

/** Runs `fn` with a fresh temporary directory, removed afterwards. */
function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-synth-'));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every resource with `lifecycle.prevent_destroy`, as "type.name". */
function protectedResources(json: any): string[] {
  return Object.entries<Record<string, any>>(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).filter(([, r]) => r.lifecycle?.prevent_destroy === true).map(([name]) => `${type}.${name}`));
}

describe('examples', () => {
  test('there is at least one example, with unique names', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
    expect(new Set(EXAMPLES.map((e) => e.name)).size).toBe(EXAMPLES.length);
  });

  test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s synthesizes with resources', (_name, example) => {
    const app = Testing.app();
    const stack = example.build(app, {});
    const json = synthJson(stack);
    expect(resourceCount(json)).toBeGreaterThan(0);
    if (example.platform === 'aws') {
      expect(json.provider.aws[0].endpoints).toBeUndefined();
    }
  });

  test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s writes a full Terraform configuration with app.synth()', (_name, example) => {
    withTempDir((outdir) => {
      const app = Testing.app({ outdir });
      const stack = example.build(app, {});
      app.synth();
      const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
      expect(fs.existsSync(file)).toBe(true);
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(resourceCount(json)).toBeGreaterThan(0);
      // Lambda code assets are written next to the configuration that refers to them.
      for (const fn of Object.values<any>(json.resource?.aws_lambda_function ?? {})) {
        expect(fs.existsSync(path.join(outdir, 'stacks', stack.node.id, fn.filename))).toBe(true);
      }
    });
  });

  const awsExamples = EXAMPLES.filter((e) => e.platform === 'aws');
  test.each(awsExamples.map((e) => [e.name, e] as const))('%s: retained by default; local-endpoint mode points at the emulator and may be destroyed', (_name, example) => {
    const retained = synthJson(example.build(Testing.app(), {}));
    expect(protectedResources(retained).length).toBeGreaterThan(0);

    const local = synthJson(example.build(Testing.app(), { localEndpointUrl: 'http://127.0.0.1:5000' }));
    const provider = local.provider.aws[0];
    for (const service of LOCAL_ENDPOINT_SERVICES) expect(provider.endpoints[0][service]).toBe('http://127.0.0.1:5000');
    expect(protectedResources(local)).toEqual([]);
  });
});

describe('reference architectures (stacks/)', () => {
  test('every stack synthesizes with resources, and app.synth() writes each one', () => {
    withTempDir((outdir) => {
      const app = Testing.app({ outdir });
      buildReferenceApp(app);
      const stacks = stacksOf(app);
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        expect(resourceCount(synthJson(stack))).toBeGreaterThan(0);
      }
      app.synth();
      for (const stack of stacks) {
        const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
        expect(resourceCount(json)).toBeGreaterThan(0);
      }
    });
  });

  describe('streaming-search', () => {
    let json: any;
    beforeAll(() => {
      const app = Testing.app();
      buildReferenceApp(app);
      const stack = stacksOf(app).find((s) => s.node.id === 'streaming-search');
      expect(stack).toBeDefined();
      json = synthJson(stack!);
    });

    test('the Kinesis stream is provisioned with the shards of its declared load', () => {
      // Declared in stacks/streaming-search.ts: 5,000 records/s of 800 bytes, default headroom.
      const byBytes = (5_000 * 800) / KINESIS_SHARD_WRITE_BYTES_PER_SECOND;
      const byRecords = 5_000 / KINESIS_SHARD_WRITE_RECORDS_PER_SECOND;
      const shards = Math.ceil(Math.max(byBytes, byRecords) * (1 + DEFAULT_HEADROOM_PERCENT / 100));
      expect(shards).toBe(7);
      const stream = only(json, 'aws_kinesis_stream');
      expect(stream.name).toBe('streaming-search-click-events');
      expect(stream.stream_mode_details).toEqual({ stream_mode: 'PROVISIONED' });
      expect(stream.shard_count).toBe(shards);
      expect(stream.retention_period).toBe(168);
      expect(stream.encryption_type).toBe('KMS');
      expect(stream.lifecycle).toEqual({ prevent_destroy: true });
    });

    test('the transform Lambda consumes the stream in batches of 1,000', () => {
      const fn = Object.values<any>(json.resource.aws_lambda_function).find((f) => f.function_name === 'streaming-search-click-events');
      expect(fn).toBeDefined();
      const mapping = only(json, 'aws_lambda_event_source_mapping');
      expect(mapping.batch_size).toBe(1_000);
      expect(mapping.bisect_batch_on_function_error).toBe(true);
    });

    test('the delivery stream indexes into OpenSearch and backs every document up under clicks/', () => {
      const delivery = Object.values<any>(json.resource.aws_kinesis_firehose_delivery_stream).find((d) => d.name === 'streaming-search-click-events-clicks');
      expect(delivery.destination).toBe('opensearch');
      expect(delivery.server_side_encryption).toEqual(expect.objectContaining({ enabled: true, key_type: 'CUSTOMER_MANAGED_CMK' }));
      expect(delivery.opensearch_configuration.index_name).toBe('clicks');
      expect(delivery.opensearch_configuration.s3_backup_mode).toBe('AllDocuments');
      const [bucketId] = Object.entries<any>(json.resource.aws_s3_bucket).find(([, b]) => b.bucket === 'streaming-search-search-backup')!;
      expect(delivery.opensearch_configuration.s3_configuration.bucket_arn).toBe('$' + `{aws_s3_bucket.${bucketId}.arn}`);
      expect(delivery.opensearch_configuration.s3_configuration.prefix).toBe('clicks/');
    });

    test('the buckets are the hardened search backup, the log-shipping backup and the access-log bucket', () => {
      const names = Object.values<any>(json.resource.aws_s3_bucket).map((b) => b.bucket).sort();
      expect(names).toEqual(['streaming-search-access-logs-eu-west-1', 'streaming-search-clicks-logs-pipeline-logs', 'streaming-search-search-backup']);
      const backup = Object.values<any>(json.resource.aws_s3_bucket).find((b) => b.bucket === 'streaming-search-search-backup');
      expect(backup).toEqual({ bucket: 'streaming-search-search-backup', force_destroy: false, lifecycle: { prevent_destroy: true } });
    });

    test('the web tier may write to the stream', () => {
      const policy = Object.values<any>(json.resource.aws_iam_role_policy).find((p) => p.name === 'kinesis-click-events-write');
      expect(policy).toBeDefined();
      expect(JSON.parse(policy.policy).Statement[0].Action).toEqual(['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards']);
      const role = Object.values<any>(json.resource.aws_iam_role).find((r) => r.name === 'streaming-search-web-tier');
      expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: ['ec2.amazonaws.com'] });
    });
  });
});

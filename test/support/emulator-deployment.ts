/**
 * The shared harness of the emulator tier: moto, one example synthesized against it, the SDK clients
 * a test talks to it with, and the terraform lifecycle (init, targeted apply, outputs, destroy,
 * cleanup), each step bounded by its cap and by the tier's overall budget.
 *
 * The tests keep their own data-plane steps and assertions; this only runs and reports.
 */
import * as path from 'path';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import {
  GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand, PutRecordsCommandOutput, Shard,
} from '@aws-sdk/client-kinesis';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { App } from 'cdktf';
import { MOTO_CREDENTIALS, MOTO_REGION, MotoServer, motoAvailable, startMoto } from './moto';
import {
  Availability, cleanupTerraform, describeRun, runTerraform, SynthesizedApp, SynthesizedStack, synthesizeApp, TerraformResult, terraformAvailable,
} from './terraform';

/** The whole tier, and the cap of each step within it. */
export const TIER_BUDGET_MS = 8 * 60_000;
export const STEP_CAP_MS = { moto: 45_000, init: 90_000, apply: 240_000, data: 60_000, destroy: 150_000 };
/** Bound of every paginated read. */
export const MAX_PAGES = 200;
/** The stream forwarder Lambda's code, run in-process (moto runs Lambda code only in Docker). */
export const FORWARDER = path.join(__dirname, '..', '..', 'assets', 'lambda', 'stream-forwarder', 'index.js');
/** Lambda's default batch size for a Kinesis event source mapping. */
export const DEFAULT_ESM_BATCH = 100;

/** Whether terraform, the mirror and moto are all here (with their versions); the reason when not. */
export function emulatorTier(): Availability {
  const tf = terraformAvailable();
  if (!tf.ok) return tf;
  const moto = motoAvailable();
  if (!moto.ok) return moto;
  return { ok: true as const, detail: `${tf.detail}; ${moto.detail}` };
}

/** Throws a description of the run unless terraform exited 0. */
export function check(what: string, result: TerraformResult): void {
  if (result.code !== 0) throw new Error(describeRun(what, result));
}

/** Fails a test whose prerequisite step did not succeed (instead of a confusing follow-up error). */
export function needs(what: string, ok: boolean): void {
  if (!ok) throw new Error(`not run: ${what} did not succeed (see the earlier failure)`);
}

/** The SDK clients of the tier, all pointed at moto. */
export interface EmulatorClients {
  readonly kinesis: KinesisClient;
  readonly firehose: FirehoseClient;
  readonly s3: S3Client;
  readonly secretsManager: SecretsManagerClient;
}

/** A record as read back from Kinesis. */
export interface ReadRecord {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly arrival?: Date;
}

/**
 * `addresses` plus every resource that references one of them (in any argument or `depends_on`),
 * transitively: `terraform apply -target` applies a target's dependencies, so a resource that needs
 * one the emulator cannot create cannot be targeted either.
 */
export function withDependents(json: any, addresses: readonly string[]): Set<string> {
  const excluded = new Set(addresses);
  const configs = Object.entries<Record<string, unknown>>(json.resource ?? {})
    .flatMap(([type, byName]) => Object.entries(byName).map(([name, config]) => ({ address: `${type}.${name}`, text: JSON.stringify(config) })));
  let grew = true;
  while (grew) {
    grew = false;
    for (const { address, text } of configs) {
      if (excluded.has(address)) continue;
      if ([...excluded].some((dep) => text.includes(`${dep}.`) || text.includes(`"${dep}"`))) {
        excluded.add(address);
        grew = true;
      }
    }
  }
  return excluded;
}

/** Caps of the harness's steps, in ms. */
export interface StepCaps {
  readonly moto: number;
  readonly init: number;
  readonly apply: number;
  readonly destroy: number;
}

export interface EmulatorDeploymentOptions {
  /** The example's name (the synthesis label, and for messages). */
  readonly name: string;
  /** Builds the example into `app`, pointed at moto's `localEndpointUrl`. */
  readonly build: (app: App, localEndpointUrl: string) => void;
  /** The whole tier, from `started`. @default TIER_BUDGET_MS */
  readonly budgetMs?: number;
  /** @default STEP_CAP_MS */
  readonly caps?: StepCaps;
  /** When the tier started. @default now */
  readonly started?: number;
  /** Bound of every paginated read. @default MAX_PAGES */
  readonly maxPages?: number;
}

/** What `apply` did. */
export interface ApplyResult {
  readonly durationMs: number;
  /** Addresses in the state whose type was not to be applied (targets pull in dependencies): should be empty. */
  readonly excludedInState: string[];
  /** Every address not applied: the types not applied and the resources that reference them. */
  readonly notApplied: string[];
}

const DESTROY = ['destroy', '-auto-approve', '-input=false', '-no-color'];

/** One example deployed to moto with terraform, for one describe block. */
export class EmulatorDeployment {
  public readonly started: number;
  public moto?: MotoServer;
  public synthesized?: SynthesizedApp;
  public stack?: SynthesizedStack;
  public clients?: EmulatorClients;
  public initialized = false;
  public destroyed = false;
  /** `terraform output -json`, as strings (see `readOutputs`). */
  public outputs: Record<string, string> = {};
  private readonly savedEnv = { ...process.env };
  private readonly maxPages: number;
  private readonly budgetMs: number;
  private readonly caps: StepCaps;

  constructor(private readonly options: EmulatorDeploymentOptions) {
    this.started = options.started ?? Date.now();
    this.maxPages = options.maxPages ?? MAX_PAGES;
    this.budgetMs = options.budgetMs ?? TIER_BUDGET_MS;
    this.caps = options.caps ?? STEP_CAP_MS;
  }

  /** Time left for a step: its cap, or what remains of the tier budget, whichever is less. */
  public budget(cap: number): number {
    return Math.max(1_000, Math.min(cap, this.budgetMs - (Date.now() - this.started)));
  }

  /** Runs terraform in the stack's folder, bounded by `budget(cap)`. */
  public tf(args: string[], cap: number): TerraformResult {
    return runTerraform(this.stack!.dir, args, { timeoutMs: this.budget(cap) });
  }

  /**
   * Logs what the tier does not exercise on moto, starts moto, synthesizes the example against it
   * (one stack expected) and builds the clients.
   */
  public async start(notExercised: ReadonlyArray<{ what: string; reason: string }> = []): Promise<void> {
    console.log(['not exercised on moto:', ...notExercised.map((n) => `  - ${n.what}: ${n.reason}`)].join('\n'));
    const { name, build } = this.options;
    const { caps } = this;
    const moto = this.moto = await startMoto({ readyTimeoutMs: this.budget(caps.moto) });
    this.synthesized = synthesizeApp((app) => build(app, moto.url), name);
    if (this.synthesized.stacks.length !== 1) throw new Error(`${name} synthesized ${this.synthesized.stacks.length} stacks, expected 1`);
    this.stack = this.synthesized.stacks[0];
    const config = { endpoint: moto.url, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 2 };
    const firehose = new FirehoseClient(config);
    this.clients = {
      // The Kinesis client defaults to HTTP/2, which moto (HTTP/1.1 on plain http) refuses:
      // it shares the Firehose client's HTTP/1.1 handler.
      kinesis: new KinesisClient({ ...config, requestHandler: firehose.config.requestHandler }),
      firehose,
      s3: new S3Client({ ...config, forcePathStyle: true }),
      secretsManager: new SecretsManagerClient(config),
    };
  }

  /** Whether `start` succeeded. */
  public get ready(): boolean {
    return this.stack !== undefined && this.clients !== undefined;
  }

  /**
   * `terraform init` (local state in the stack folder), then `apply` with `-target` for every resource
   * whose type is not in `notApplied`, then `state list`.
   */
  public apply(notApplied: ReadonlyArray<{ type: string }>): ApplyResult {
    const { caps } = this;
    const stack = this.stack!;
    check('terraform init', this.tf(['init', '-input=false', '-no-color', `-backend-config=path=${path.join(stack.dir, 'terraform.tfstate')}`], caps.init));
    this.initialized = true;
    const skipped = new Set(notApplied.map((r) => r.type));
    const all = Object.entries<Record<string, unknown>>(stack.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => ({ type, address: `${type}.${name}` })));
    const excluded = withDependents(stack.json, all.filter((r) => skipped.has(r.type)).map((r) => r.address));
    const targets = all.filter((r) => !excluded.has(r.address));
    const targetArgs = targets.length < all.length ? targets.map((r) => `-target=${r.address}`) : [];
    const direct = all.filter((r) => skipped.has(r.type)).map((r) => r.address);
    const dependents = [...excluded].filter((a) => !direct.includes(a));
    console.log([
      `applying ${targets.length} of ${all.length} resources; not applied on moto: ${direct.join(', ') || 'none'}`,
      `not applied because they reference those (terraform -target would pull them in): ${dependents.join(', ') || 'none'}`,
    ].join('\n'));
    const apply = this.tf(['apply', '-auto-approve', '-input=false', '-no-color', ...targetArgs], caps.apply);
    if (apply.code !== 0) throw new Error(`${describeRun('terraform apply', apply)}\n--- moto log ---\n${this.moto!.logTail(30)}`);
    const state = this.tf(['state', 'list'], 30_000);
    check('terraform state list', state);
    return { durationMs: apply.durationMs, excludedInState: state.stdout.split('\n').filter((address) => excluded.has(address)), notApplied: [...excluded] };
  }

  /**
   * Reads `terraform output -json` into `outputs`. With `literalFallback`, outputs terraform skipped
   * (with -target it skips those that reference no resource) are taken from the synthesized
   * configuration when their value is a literal string. Returns the names so taken.
   */
  public readOutputs(options: { literalFallback?: boolean } = {}): string[] {
    const out = this.tf(['output', '-json'], 30_000);
    check('terraform output', out);
    this.outputs = Object.fromEntries(Object.entries<any>(JSON.parse(out.stdout)).map(([k, v]) => [k, String(v.value)]));
    if (!options.literalFallback) return [];
    const literal = Object.entries<any>(this.stack!.json.output ?? {}).filter(([k, v]) => !(k in this.outputs) && typeof v.value === 'string' && !v.value.includes('${'));
    for (const [k, v] of literal) this.outputs[k] = v.value;
    return literal.map(([k]) => k);
  }

  /** `terraform destroy`; throws with the end of moto's log when it fails. */
  public destroy(): TerraformResult {
    let result = this.tf(DESTROY, this.caps.destroy);
    if (result.code !== 0) {
      // moto 5.2.1 sometimes races deleting an S3 gateway endpoint and its route-table route
      // (InvalidRoute.NotFound); destroy is idempotent, so one retry settles it, loudly.
      console.warn(`terraform destroy failed once; retrying:\n${describeRun('terraform destroy', result, 1500)}`);
      result = this.tf(DESTROY, this.caps.destroy);
    }
    if (result.code !== 0) throw new Error(`${describeRun('terraform destroy', result)}\n--- moto log ---\n${this.moto!.logTail(30)}`);
    this.destroyed = true;
    return result;
  }

  /**
   * For afterAll: destroys what a failed test left behind (while moto is still up), then destroys the
   * clients, restores process.env, stops moto (logging its tail unless destroyed), removes the
   * synthesized app and the terraform CLI config.
   */
  public async cleanup(): Promise<void> {
    try {
      if (this.initialized && !this.destroyed && this.stack) {
        const result = this.tf(DESTROY, 60_000);
        if (result.code !== 0) console.warn(describeRun('cleanup terraform destroy', result, 2000));
      }
    } finally {
      Object.values(this.clients ?? {}).forEach((c) => c.destroy());
      this.restoreEnv();
      if (this.moto) {
        if (!this.destroyed) console.warn(`moto log (last lines):\n${this.moto.logTail(30)}`);
        await this.moto.stop();
      }
      this.synthesized?.remove();
      cleanupTerraform();
    }
  }

  /** The JSON value of a Secrets Manager secret (version stage AWSCURRENT unless given). */
  public async secretJson(SecretId: string, VersionStage = 'AWSCURRENT'): Promise<Record<string, string>> {
    const value = await this.clients!.secretsManager.send(new GetSecretValueCommand({ SecretId, VersionStage }));
    return JSON.parse(value.SecretString!);
  }

  /** The environment the AWS SDK (e.g. of a Lambda handler run in-process) needs to reach moto. */
  public sdkEnv(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.moto!.url,
      AWS_REGION: MOTO_REGION,
      AWS_DEFAULT_REGION: MOTO_REGION,
      AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
    };
  }

  /**
   * Sets the environment of the stream forwarder run in-process (`env`, where undefined deletes the
   * variable, and `sdkEnv`; no session token nor profile) and loads its handler, with the batch size
   * of the stack's event source mapping and `invoke`, which calls the handler with the events the
   * mapping would send for `readBack` (see `kinesisEvents`) and yields each response.
   */
  public forwarder(env: Record<string, string | undefined>): {
    batchSize: number;
    invoke(readBack: ReadonlyMap<string, readonly ReadRecord[]>, streamArn: string): AsyncGenerator<{ batchItemFailures?: unknown[] }>;
  } {
    Object.assign(process.env, this.sdkEnv());
    for (const [key, value] of Object.entries({ ...env, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined })) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const handler = (require(FORWARDER) as { handler(event: unknown): Promise<{ batchItemFailures?: unknown[] }> }).handler;
    const batchSize = this.esmBatchSize();
    const functionName = this.outputs.function_name;
    return {
      batchSize,
      async *invoke(readBack, streamArn) {
        for (const event of kinesisEvents(readBack, batchSize, { functionName, streamArn })) yield await handler(event);
      },
    };
  }

  /** The batch size of the stack's (first) Kinesis event source mapping. */
  public esmBatchSize(): number {
    const mapping = Object.values<any>(this.stack!.json.resource?.aws_lambda_event_source_mapping ?? {})[0];
    return Number(mapping?.batch_size ?? DEFAULT_ESM_BATCH);
  }

  /** Runs a step; on failure, appends the end of moto's log to the error. */
  public async step(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (e instanceof Error && this.moto) e.message += `\n--- moto log (last lines) ---\n${this.moto.logTail(40)}`;
      throw e;
    }
  }

  /** Every object key in the bucket, under `Prefix` if given (bounded pagination). */
  public async listKeys(Bucket: string, Prefix?: string): Promise<string[]> {
    const keys: string[] = [];
    let ContinuationToken: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const res = await this.clients!.s3.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
      keys.push(...(res.Contents ?? []).map((o) => o.Key!));
      ContinuationToken = res.NextContinuationToken;
      if (!ContinuationToken) break;
    }
    return keys;
  }

  /** Puts records `0..count-1` (`data(id)` as JSON, partition key `key-<id>`), `batch` per call; yields each call's ids and response. */
  public async *putRecords(StreamName: string, count: number, batch: number, data: (id: number) => unknown)
    : AsyncGenerator<{ ids: number[]; res: PutRecordsCommandOutput }> {
    for (let first = 0; first < count; first += batch) {
      const ids = Array.from({ length: Math.min(batch, count - first) }, (_, i) => first + i);
      const res = await this.clients!.kinesis.send(new PutRecordsCommand({
        StreamName,
        Records: ids.map((id) => ({ PartitionKey: `key-${id}`, Data: Buffer.from(JSON.stringify(data(id))) })),
      }));
      yield { ids, res };
    }
  }

  /** The JSON lines of the objects, in order (blank lines skipped). */
  public async readJsonLines(Bucket: string, keys: readonly string[]): Promise<any[]> {
    const records: any[] = [];
    for (const Key of keys) {
      const body = await (await this.clients!.s3.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToString('utf8');
      records.push(...body.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line)));
    }
    return records;
  }

  /** Every shard of the stream (bounded pagination). */
  public async listShards(StreamName: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let NextToken: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const res = await this.clients!.kinesis.send(new ListShardsCommand(NextToken ? { NextToken } : { StreamName }));
      shards.push(...(res.Shards ?? []));
      NextToken = res.NextToken;
      if (!NextToken) break;
    }
    return shards;
  }

  /** One shard's records from TRIM_HORIZON, in order, until caught up, `maxPages` calls or `deadline`. */
  public async readShard(StreamName: string, ShardId: string, deadline: number): Promise<ReadRecord[]> {
    const { kinesis } = this.clients!;
    const records: ReadRecord[] = [];
    let iterator = (await kinesis.send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (let call = 0; iterator && call < this.maxPages && Date.now() < deadline; call++) {
      const res = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      for (const r of res.Records ?? []) {
        const { SequenceNumber, PartitionKey, Data, ApproximateArrivalTimestamp } = r;
        records.push({ sequenceNumber: SequenceNumber!, partitionKey: PartitionKey!, data: Data!, arrival: ApproximateArrivalTimestamp });
      }
      if ((res.Records ?? []).length === 0 && (res.MillisBehindLatest ?? 0) === 0) break;
      iterator = res.NextShardIterator;
    }
    return records;
  }

  private restoreEnv(): void {
    for (const key of Object.keys(process.env)) if (!(key in this.savedEnv)) delete process.env[key];
    Object.assign(process.env, this.savedEnv);
  }
}

/**
 * The events a Kinesis event source mapping would send a Lambda for these records: one shard's
 * records, in order, at most `batchSize` at a time.
 */
export function* kinesisEvents(
  readBack: ReadonlyMap<string, readonly ReadRecord[]>, batchSize: number, source: { functionName: string; streamArn: string },
): Generator<{ Records: unknown[] }> {
  for (const [shardId, records] of readBack) {
    for (let i = 0; i < records.length; i += batchSize) {
      yield {
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
          invokeIdentityArn: `arn:aws:iam::123456789012:role/${source.functionName}`,
          awsRegion: MOTO_REGION,
          eventSourceARN: source.streamArn,
        })),
      };
    }
  }
}

'use strict';
/**
 * Kinesis -> Firehose forwarder (the default StreamingIngest transform function).
 *
 * For each record of a Kinesis batch: decode it, frame it as one line (append "\n" unless present,
 * so delivered S3 objects are newline-delimited), and write it to every delivery stream named in
 * DELIVERY_STREAM_NAMES (comma-separated; DELIVERY_STREAM_NAME also accepted) with
 * PutRecordBatch (at most 500 records / 4 MiB per call). Records Firehose rejects are retried a
 * bounded number of times, then reported as `batchItemFailures` so the event source mapping retries
 * (and bisects) only from the first failed record.
 *
 * The AWS SDK v3 ships with the Lambda Node.js runtime; tests load it from devDependencies.
 */
const { FirehoseClient, PutRecordBatchCommand } = require('@aws-sdk/client-firehose');

const MAX_BATCH_RECORDS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_ATTEMPTS = 3;

let client;

function deliveryStreams(env) {
  const names = (env.DELIVERY_STREAM_NAMES || env.DELIVERY_STREAM_NAME || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new Error('DELIVERY_STREAM_NAMES is not set');
  return names;
}

/** Decodes a Kinesis record and frames it as one newline-terminated line. */
function frame(kinesisRecord) {
  const data = Buffer.from(kinesisRecord.kinesis.data, 'base64');
  return data.length > 0 && data[data.length - 1] === 0x0a ? data : Buffer.concat([data, Buffer.from('\n')]);
}

/** Splits entries into PutRecordBatch-sized chunks. */
function chunks(entries) {
  const out = [];
  let current = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entry.data.length;
    if (current.length === MAX_BATCH_RECORDS || bytes + size > MAX_BATCH_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

/** Writes entries to one delivery stream; returns the entries still failed after retries. */
async function put(firehose, streamName, entries) {
  let pending = entries;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length; attempt++) {
    const failed = [];
    for (const chunk of chunks(pending)) {
      try {
        const res = await firehose.send(new PutRecordBatchCommand({
          DeliveryStreamName: streamName,
          Records: chunk.map((e) => ({ Data: e.data })),
        }));
        (res.RequestResponses || []).forEach((r, i) => { if (r.ErrorCode) failed.push(chunk[i]); });
      } catch (err) {
        if (attempt === MAX_ATTEMPTS) console.error(JSON.stringify({ level: 'error', streamName, message: String(err) }));
        failed.push(...chunk);
      }
    }
    pending = failed;
  }
  return pending;
}

/** Forwards one Kinesis batch to the delivery streams named in `env`; returns the batch response. */
async function forward(event, env) {
  client = client || new FirehoseClient({});
  const entries = (event.Records || []).map((r) => ({ sequenceNumber: r.kinesis.sequenceNumber, data: frame(r) }));
  const failedSequences = new Set();
  for (const streamName of deliveryStreams(env)) {
    for (const entry of await put(client, streamName, entries)) failedSequences.add(entry.sequenceNumber);
  }
  // Report failures in stream order: Lambda retries from the lowest failed sequence number.
  const batchItemFailures = entries
    .filter((e) => failedSequences.has(e.sequenceNumber))
    .map((e) => ({ itemIdentifier: e.sequenceNumber }));
  console.log(JSON.stringify({ level: 'info', received: entries.length, failed: batchItemFailures.length }));
  return { batchItemFailures };
}

// The Lambda runtime calls handler(event, context): the configuration comes from process.env, never
// from the second argument (a default parameter `env = process.env` would receive the context).
exports.handler = async (event) => forward(event, process.env);

exports.forward = forward;

exports.frame = frame;
exports.chunks = chunks;

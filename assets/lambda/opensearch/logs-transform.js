'use strict';
/**
 * CloudWatch Logs -> OpenSearch transform (a Firehose data transformation function).
 *
 * A CloudWatch Logs subscription delivers gzip-compressed batches, each holding several log events
 * of one log stream. Firehose cannot split a record into several documents, and OpenSearch accepts
 * one document per record, so each DATA_MESSAGE batch becomes one JSON document:
 *   { "@timestamp", "owner", "logGroup", "logStream", "messages": [...], "events": [{ "id", "timestamp", "message" }] }
 * (`@timestamp` is the earliest event's time). CONTROL_MESSAGE records (sent when a subscription is
 * created) are dropped; records that cannot be decompressed or parsed are marked ProcessingFailed,
 * so Firehose backs them up to S3 with the failed documents.
 */
const zlib = require('zlib');

/** Turns one Firehose record into its transformation result. */
function transformRecord(record) {
  let payload;
  try {
    payload = JSON.parse(zlib.gunzipSync(Buffer.from(record.data, 'base64')).toString('utf8'));
  } catch {
    return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
  }
  if (payload.messageType === 'CONTROL_MESSAGE') return { recordId: record.recordId, result: 'Dropped', data: record.data };
  if (payload.messageType !== 'DATA_MESSAGE' || !Array.isArray(payload.logEvents)) {
    return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
  }
  const events = payload.logEvents.map((e) => ({ id: e.id, timestamp: e.timestamp, message: e.message }));
  const earliest = events.reduce((min, e) => (typeof e.timestamp === 'number' && e.timestamp < min ? e.timestamp : min), Number.MAX_SAFE_INTEGER);
  const document = {
    '@timestamp': new Date(earliest === Number.MAX_SAFE_INTEGER ? Date.now() : earliest).toISOString(),
    owner: payload.owner,
    logGroup: payload.logGroup,
    logStream: payload.logStream,
    messages: events.map((e) => e.message),
    events,
  };
  return { recordId: record.recordId, result: 'Ok', data: Buffer.from(JSON.stringify(document), 'utf8').toString('base64') };
}

/** Transforms a Firehose batch. */
async function transform(event) {
  const records = (event.records || []).map(transformRecord);
  const counts = records.reduce((c, r) => ({ ...c, [r.result]: (c[r.result] || 0) + 1 }), {});
  console.log(JSON.stringify({ level: 'info', records: records.length, ...counts }));
  return { records };
}

exports.handler = async (event) => transform(event);

exports.transform = transform;
exports.transformRecord = transformRecord;

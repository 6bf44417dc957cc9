export * from './msk-attributes';
export * from './msk-options';
export * from './msk-streaming-ingest';

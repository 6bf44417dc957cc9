import { App } from 'cdktf';
import { CdcLakehouseStack } from './cdc-lakehouse';
import { DataEngineerFlow360Stack } from './data-engineer-flow-360';
import { StreamingSearchStack } from './streaming-search';

/** Adds every reference architecture to `app`. */
export function buildReferenceApp(app: App): void {
  new StreamingSearchStack(app, 'streaming-search');
  new CdcLakehouseStack(app, 'cdc-lakehouse');
  new DataEngineerFlow360Stack(app, 'data-engineer-flow-360');
}

import { App } from 'cdktf';
import { CdcLakehouseStack } from './cdc-lakehouse';
import { DataEngineerFlow360Stack } from './data-engineer-flow-360';
import { DataEngineerFlow360VaultStack } from './data-engineer-flow-360-vault';
import { RealTimeWarehouseStack } from './real-time-warehouse';
import { StreamingSearchStack } from './streaming-search';

/** Adds every reference architecture to `app`. */
export function buildReferenceApp(app: App): void {
  new RealTimeWarehouseStack(app, 'real-time-warehouse');
  new StreamingSearchStack(app, 'streaming-search');
  new CdcLakehouseStack(app, 'cdc-lakehouse');
  new DataEngineerFlow360VaultStack(app, 'data-engineer-flow-360-vault');
  new DataEngineerFlow360Stack(app, 'data-engineer-flow-360');
}

import { cdcAws } from './cdc-aws';
import { cdcKubernetes } from './cdc-kubernetes';
import { dataLakeAws } from './data-lake-aws';
import { dataLakeKubernetes } from './data-lake-kubernetes';
import { ExampleDefinition } from './example';
import { observabilityAws } from './observability-aws';
import { observabilityKubernetes } from './observability-kubernetes';
import { searchAws } from './search-aws';
import { searchKubernetes } from './search-kubernetes';
import { secretStoreAws } from './secret-store-aws';
import { streamingIngestAws } from './streaming-ingest-aws';
import { streamingIngestKubernetes } from './streaming-ingest-kubernetes';
import { streamingIngestMsk } from './streaming-ingest-msk';
import { warehouseAws } from './warehouse-aws';
import { warehouseKubernetes } from './warehouse-kubernetes';

export type { ExampleDefinition, ExampleOptions } from './example';

/** Every example, synthesized by the tests (and validated/deployed by the Terraform tiers). */
export const EXAMPLES: ExampleDefinition[] = [
  { name: 'streaming-ingest-aws', platform: 'aws', build: streamingIngestAws },
  { name: 'streaming-ingest-msk', platform: 'aws', build: streamingIngestMsk },
  { name: 'data-lake-aws', platform: 'aws', build: dataLakeAws },
  { name: 'secret-store-aws', platform: 'aws', build: secretStoreAws },
  { name: 'warehouse-aws', platform: 'aws', build: warehouseAws },
  { name: 'cdc-aws', platform: 'aws', build: cdcAws },
  { name: 'search-aws', platform: 'aws', build: searchAws },
  { name: 'observability-aws', platform: 'aws', build: observabilityAws },
  { name: 'streaming-ingest-kubernetes', platform: 'kubernetes', build: streamingIngestKubernetes },
  { name: 'data-lake-kubernetes', platform: 'kubernetes', build: dataLakeKubernetes },
  { name: 'warehouse-kubernetes', platform: 'kubernetes', build: warehouseKubernetes },
  { name: 'cdc-kubernetes', platform: 'kubernetes', build: cdcKubernetes },
  { name: 'search-kubernetes', platform: 'kubernetes', build: searchKubernetes },
  { name: 'observability-kubernetes', platform: 'kubernetes', build: observabilityKubernetes },
];

import { AwsCatalogEntry } from './cloudwatch-alarm-spec';
import { dmsAlarms } from './dms';
import { documentDbAlarms } from './documentdb';
import { firehoseAlarms } from './firehose';
import { glueAlarms } from './glue';
import { kinesisAlarms } from './kinesis';
import { lambdaAlarms } from './lambda';
import { mskAlarms } from './msk';
import { opensearchAlarms } from './opensearch';
import { rdsAlarms } from './rds';
import { redshiftAlarms } from './redshift';

/**
 * Every AWS catalog entry: each returns the CloudWatch alarm specs of the pipeline constructs it
 * knows and [] for any other node. Add an entry per new kind of construct (one file per service).
 * @internal
 */
export const AWS_CATALOG: AwsCatalogEntry[] = [
  kinesisAlarms,
  firehoseAlarms,
  lambdaAlarms,
  mskAlarms,
  dmsAlarms,
  rdsAlarms,
  documentDbAlarms,
  redshiftAlarms,
  glueAlarms,
  opensearchAlarms,
];

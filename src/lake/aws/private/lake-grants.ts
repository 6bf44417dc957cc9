import { Construct } from 'constructs';
import { grantLakeFormation } from './lake-formation';
import { ITerraformDependable } from '../../../core/cdktf';
import { kebab } from '../../../core/naming';
import { grantAws, PolicyStatement } from '../../../identity/aws-grant';
import { IIdentity } from '../../../identity/identity';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/**
 * What a grant on one zone needs to know.
 * @internal
 */
export interface LakeZoneAccess {
  readonly name: string;
  readonly bucketArn: string;
  readonly keyArn: string;
  readonly databaseName: string;
  /** The zone's Lake Formation registration, when the lake registers it (location grants wait for it). */
  readonly registration?: ITerraformDependable;
}

/**
 * The lake-wide parts of a grant: catalog key, Athena workgroup and results, Lake Formation.
 * @internal
 */
export interface LakeAccess {
  /** Short, token-free name of the lake for policy names (for example its construct id, kebab-case). */
  readonly policyPrefix: string;
  readonly catalogKeyArn?: string;
  readonly workgroupArn?: string;
  readonly resultsBucketArn?: string;
  readonly resultsKeyArn?: string;
  readonly lakeFormation: boolean;
}

/** Reading a zone's catalog. */
export const GLUE_READ_ACTIONS = [
  'glue:BatchGetPartition', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:GetPartition', 'glue:GetPartitions',
  'glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions', 'glue:GetTables',
];
/** Writing a zone's catalog: tables and partitions, never deleting a table or the database. */
export const GLUE_WRITE_ACTIONS = [
  ...GLUE_READ_ACTIONS,
  'glue:BatchCreatePartition', 'glue:BatchDeletePartition', 'glue:BatchUpdatePartition', 'glue:CreatePartition',
  'glue:CreateTable', 'glue:DeletePartition', 'glue:UpdatePartition', 'glue:UpdateTable',
];
/** Reading a zone's objects. */
export const S3_READ_ACTIONS = ['s3:GetBucketLocation', 's3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'];
/** Writing a zone's objects (and reading them: writers of open table formats read their metadata). */
export const S3_WRITE_ACTIONS = [
  's3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetBucketLocation', 's3:GetObject', 's3:GetObjectVersion',
  's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:ListMultipartUploadParts', 's3:PutObject',
];
/** Running queries in the lake's Athena workgroup. */
export const ATHENA_QUERY_ACTIONS = [
  'athena:BatchGetQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:GetQueryResultsStream',
  'athena:GetWorkGroup', 'athena:ListQueryExecutions', 'athena:StartQueryExecution', 'athena:StopQueryExecution',
];
/** Athena writes query results with the caller's credentials. */
export const ATHENA_RESULTS_ACTIONS = [
  's3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListMultipartUploadParts', 's3:PutObject',
];
/** The Lake Formation credential-vending action (it has no resource-level permissions: `*`). */
export const LAKE_FORMATION_DATA_ACCESS = 'lakeformation:GetDataAccess';

/**
 * The prefix of a lake's grant policy names, from its construct id (`Lake` -> `lake`, `Orders` -> `lake-orders`).
 * @internal
 */
export function lakePolicyPrefix(id: string): string {
  const name = kebab(id);
  return name.includes('lake') ? name : `lake-${name}`;
}

/**
 * The Glue ARNs of a zone: the catalog, its database and the database's tables.
 * @internal
 */
export function glueArns(scope: Construct, databaseName: string): string[] {
  const p = AwsPlatform.ofAws(scope);
  const arn = (resource: string) => `arn:${p.partition}:glue:${p.region}:${p.accountId}:${resource}`;
  return [arn('catalog'), arn(`database/${databaseName}`), arn(`table/${databaseName}/*`)];
}

/** KMS statements, one per distinct key, with the union of the actions asked for that key. */
function kmsStatements(uses: { keyArn?: string; actions: string[] }[]): PolicyStatement[] {
  const byKey = new Map<string, Set<string>>();
  for (const use of uses) {
    if (!use.keyArn) continue;
    const actions = byKey.get(use.keyArn) ?? new Set<string>();
    use.actions.forEach((a) => actions.add(a));
    byKey.set(use.keyArn, actions);
  }
  return [...byKey.entries()].map(([keyArn, actions]) => ({ actions: [...actions].sort(), resources: [keyArn] }));
}

/**
 * The IAM statements of a read or write grant on one zone.
 * @internal
 */
export function lakeStatements(scope: Construct, zone: LakeZoneAccess, lake: LakeAccess, write: boolean): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    { actions: write ? S3_WRITE_ACTIONS : S3_READ_ACTIONS, resources: [zone.bucketArn, `${zone.bucketArn}/*`] },
    { actions: write ? GLUE_WRITE_ACTIONS : GLUE_READ_ACTIONS, resources: glueArns(scope, zone.databaseName) },
  ];
  const queries = !write && lake.workgroupArn !== undefined;
  if (queries) statements.push({ actions: ATHENA_QUERY_ACTIONS, resources: [lake.workgroupArn!] });
  if (queries && lake.resultsBucketArn) {
    statements.push({ actions: ATHENA_RESULTS_ACTIONS, resources: [lake.resultsBucketArn, `${lake.resultsBucketArn}/*`] });
  }
  statements.push(...kmsStatements([
    { keyArn: zone.keyArn, actions: write ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'] },
    { keyArn: lake.catalogKeyArn, actions: write ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'] },
    { keyArn: queries ? lake.resultsKeyArn : undefined, actions: ['kms:Decrypt', 'kms:GenerateDataKey'] },
  ]));
  if (lake.lakeFormation) statements.push({ actions: [LAKE_FORMATION_DATA_ACCESS], resources: ['*'] });
  return statements;
}

/**
 * Grants `identity` read or write on a zone: an IAM policy on its role and, with Lake Formation,
 * Lake Formation permissions on the zone's database and tables.
 * @internal
 */
export function grantLakeZone(scope: Construct, identity: IIdentity, zone: LakeZoneAccess, lake: LakeAccess, write: boolean): void {
  const mode = write ? 'write' : 'read';
  grantAws(scope, `${lake.policyPrefix}-${zone.name}-${mode}`, identity, lakeStatements(scope, zone, lake, write));
  if (lake.lakeFormation) grantLakeFormation(scope, identity, zone, write);
}

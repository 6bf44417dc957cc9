import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LakeformationPermissions } from '@cdktf/provider-aws/lib/lakeformation-permissions';
import { LakeformationResource } from '@cdktf/provider-aws/lib/lakeformation-resource';
import { Construct } from 'constructs';
import type { LakeZoneAccess } from './lake-grants';
import { invalidConfig } from '../../../core/errors';
import { AwsNameRules } from '../../../core/naming';
import { attachRolePolicy, trustPolicy } from '../../../identity/aws-grant';
import { IIdentity } from '../../../identity/identity';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/** Lake Formation permissions on a zone's database, per grant. */
export const LF_DATABASE_PERMISSIONS = { read: ['DESCRIBE'], write: ['ALTER', 'CREATE_TABLE', 'DESCRIBE'] };
/** Lake Formation permissions on every table of a zone's database, per grant (write: ALL but DROP). */
export const LF_TABLE_PERMISSIONS = { read: ['DESCRIBE', 'SELECT'], write: ['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT'] };
/** What writers need on the zone's location to create tables there. */
export const LF_LOCATION_PERMISSIONS = ['DATA_LOCATION_ACCESS'];

/**
 * Lake Formation permissions for `principalArn` on a zone: its database, all its tables (wildcard)
 * and, for writers, its data location. Once per scope, principal key and mode.
 * @internal
 */
export function grantLakeFormationTo(scope: Construct, key: string, principalArn: string, zone: LakeZoneAccess, write: boolean): void {
  const mode = write ? 'write' : 'read';
  const id = `LakeFormation-${zone.name}-${mode}-${key}`;
  if (scope.node.tryFindChild(`${id}-Database`)) return;
  new LakeformationPermissions(scope, `${id}-Database`, {
    principal: principalArn,
    permissions: LF_DATABASE_PERMISSIONS[mode],
    database: { name: zone.databaseName },
  });
  new LakeformationPermissions(scope, `${id}-Tables`, {
    principal: principalArn,
    permissions: LF_TABLE_PERMISSIONS[mode],
    table: { databaseName: zone.databaseName, wildcard: true },
  });
  if (write) {
    new LakeformationPermissions(scope, `${id}-Location`, {
      principal: principalArn,
      permissions: LF_LOCATION_PERMISSIONS,
      dataLocation: { arn: zone.bucketArn },
      dependsOn: zone.registration ? [zone.registration] : undefined,
    });
  }
}

/**
 * Lake Formation permissions for an identity's IAM role on a zone.
 * @internal
 */
export function grantLakeFormation(scope: Construct, identity: IIdentity, zone: LakeZoneAccess, write: boolean): void {
  if (!identity.awsRoleArn) {
    throw invalidConfig(scope, `cannot grant Lake Formation permissions to identity "${identity.identityName}" (${identity.node.path}): it has no IAM role ARN. Use an identity created on an AWS platform or Identity.fromAwsRole().`);
  }
  grantLakeFormationTo(scope, identity.node.addr.slice(0, 12), identity.awsRoleArn, zone, write);
}

/**
 * Props of {@link LakeFormationRegistration}.
 * @internal
 */
export interface LakeFormationRegistrationProps {
  readonly zones: LakeZoneAccess[];
}

/**
 * Registers every zone location with Lake Formation through a data-access role (trusted by Lake
 * Formation, reading and writing the zone buckets with their keys): a role rather than the
 * service-linked role, which cannot be granted a customer-managed key through IAM.
 * @internal
 */
export class LakeFormationRegistration extends Construct {
  public readonly role: IamRole;
  /** The registration of each zone, by zone name. */
  public readonly resources: Record<string, LakeformationResource> = {};

  constructor(scope: Construct, id: string, props: LakeFormationRegistrationProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.role = new IamRole(this, 'Role', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, ['lake-formation']),
      assumeRolePolicy: trustPolicy({ Service: 'lakeformation.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': platform.accountId } }),
    });
    const buckets = props.zones.map((z) => z.bucketArn);
    const policy = attachRolePolicy(this, 'DataAccess', this.role.name, [
      { actions: ['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'], resources: [...buckets, ...buckets.map((b) => `${b}/*`)] },
      { actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [...new Set(props.zones.map((z) => z.keyArn))] },
    ]);
    for (const zone of props.zones) {
      this.resources[zone.name] = new LakeformationResource(this, `Location-${zone.name}`, {
        arn: zone.bucketArn,
        roleArn: this.role.arn,
        dependsOn: [policy],
      });
    }
  }
}

import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../core/naming';
import { trustPolicy } from '../../../identity/aws-grant';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/** Services that assume a warehouse's role (Redshift Serverless assumes it as either). @internal */
export const REDSHIFT_SERVICE_PRINCIPALS = ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'];

/**
 * The IAM role attached to the warehouse as its default role, for COPY, Spectrum and streaming
 * ingestion. It starts with no permission: each load, external schema or stream grants what it
 * reads (`lake.grantRead`, `stream.grantRead`).
 * @internal
 */
export function warehouseRole(scope: Construct, name: string): IamRole {
  const platform = AwsPlatform.ofAws(scope);
  return new IamRole(scope, 'Role', {
    name: platform.physicalName(scope, AwsNameRules.IAM_ROLE, [name, 'redshift']),
    description: `Default role of the ${name} Redshift warehouse (COPY, Spectrum, streaming ingestion)`,
    assumeRolePolicy: trustPolicy({ Service: REDSHIFT_SERVICE_PRINCIPALS }),
  });
}

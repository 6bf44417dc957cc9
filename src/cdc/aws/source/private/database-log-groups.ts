import { Construct } from 'constructs';
import { EncryptedLogGroup } from '../../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../../platform/platform';
import { DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS } from '../source-database-props';

/**
 * The log groups the database exports to (`<groupPrefix>/<type>`), created beforehand so they are
 * encrypted with the database's key and expire (RDS and DocumentDB write to an existing group of
 * the expected name). Protected like the database's data.
 * @internal
 */
export function databaseLogGroups(
  scope: Construct, groupPrefix: string, types: string[], keyArn: string, retentionDays: number | undefined, removalPolicy: RemovalPolicy | undefined,
): EncryptedLogGroup[] {
  const platform = AwsPlatform.ofAws(scope);
  return types.map((type) => {
    const group = new EncryptedLogGroup(scope, `Log-${type}`, {
      name: `${groupPrefix}/${type}`,
      kmsKeyArn: keyArn,
      retentionDays: retentionDays ?? DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS,
    });
    platform.protect(group.logGroup, removalPolicy);
    return group;
  });
}

import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Construct, IConstruct } from 'constructs';
import { trustPolicy } from './aws-grant';
import { AwsNameRules, checkName, KubernetesNameRules } from '../core/naming';
import { AwsPlatform } from '../platform/aws/aws-platform';
import { KubernetesPlatform } from '../platform/k8s/kubernetes-platform';
import { PipelinePlatform, PlatformKind } from '../platform/platform';

/**
 * Who a grant is for: a workload identity that maps to an IAM role on AWS and to a service account
 * plus a Kafka user (same name) on Kubernetes.
 */
export interface IIdentity extends IConstruct {
  /** Name of the identity (IAM role name on AWS; service account and Kafka user name on Kubernetes). */
  readonly identityName: string;
  /** AWS: name of the IAM role that grants attach policies to. */
  readonly awsRoleName?: string;
  /** AWS: ARN of that role. */
  readonly awsRoleArn?: string;
}

/** Props of {@link Identity}. */
export interface IdentityProps {
  /** Name, appended to the platform's namePrefix. */
  readonly name: string;
  /**
   * AWS: service principals allowed to assume the role (for example `lambda.amazonaws.com`).
   * @default - principals of the same account that IAM allows to assume it
   */
  readonly awsTrustedServices?: string[];
}

/** Props of `Identity.fromAwsRole`. */
export interface AwsRoleIdentityAttributes {
  /** Role name. */
  readonly roleName: string;
  /** Role ARN. */
  readonly roleArn: string;
}

class ImportedIdentity extends Construct implements IIdentity {
  constructor(
    scope: Construct,
    id: string,
    public readonly identityName: string,
    public readonly awsRoleName?: string,
    public readonly awsRoleArn?: string,
  ) {
    super(scope, id);
  }
}

/** A workload identity created by the stack, on either platform. */
export class Identity extends Construct implements IIdentity {
  /** An existing IAM role. */
  public static fromAwsRole(scope: Construct, id: string, attrs: AwsRoleIdentityAttributes): IIdentity {
    return new ImportedIdentity(scope, id, attrs.roleName, attrs.roleName, attrs.roleArn);
  }

  /** An existing service account (its Kafka user is created by grants, with the same name). */
  public static fromServiceAccount(scope: Construct, id: string, name: string): IIdentity {
    checkName(scope, 'name', name, KubernetesNameRules.DNS_LABEL);
    return new ImportedIdentity(scope, id, name);
  }

  public readonly identityName: string;
  public readonly awsRoleName?: string;
  public readonly awsRoleArn?: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const platform = PipelinePlatform.of(this);
    if (platform.kind === PlatformKind.AWS) {
      const aws = AwsPlatform.ofAws(this);
      const name = aws.physicalName(this, AwsNameRules.IAM_ROLE, [props.name]);
      const principal = props.awsTrustedServices?.length
        ? { Service: props.awsTrustedServices }
        : { AWS: `arn:${aws.partition}:iam::${aws.accountId}:root` };
      const role = new IamRole(this, 'Role', {
        name,
        assumeRolePolicy: trustPolicy(principal),
      });
      this.identityName = name;
      this.awsRoleName = role.name;
      this.awsRoleArn = role.arn;
    } else {
      const k8s = KubernetesPlatform.ofKubernetes(this);
      const name = checkName(this, 'name', `${k8s.namePrefix}-${props.name}`, KubernetesNameRules.DNS_LABEL);
      new ServiceAccountV1(this, 'ServiceAccount', {
        metadata: { name, namespace: k8s.namespace, labels: k8s.labels('identity') },
        automountServiceAccountToken: false,
        dependsOn: k8s.baseline,
      });
      this.identityName = name;
    }
  }
}

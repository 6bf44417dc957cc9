import { Construct } from 'constructs';
import { MskStreamingIngestAttributes } from './msk-attributes';
import { grantMsk, MskGrantTarget, mskGrantTarget, mskReadStatements, mskWriteStatements } from './msk-grants';
import { IIdentity } from '../../../identity/identity';
import { DEFAULT_RETENTION_HOURS, IStreamingIngest, StreamingEngine } from '../../streaming-ingest-contract';

/**
 * An existing MSK topic, imported by attributes: grants only, nothing is created.
 * @internal
 */
export class ImportedMskStreamingIngest extends Construct implements IStreamingIngest {
  public readonly engine: StreamingEngine = StreamingEngine.MSK;
  public readonly streamName: string;
  public readonly partitions?: number;
  public readonly retentionHours: number;
  public readonly streamArn: string;
  public readonly bootstrapServers: string;
  public readonly clusterName: string;
  private readonly grantTarget: MskGrantTarget;

  constructor(scope: Construct, id: string, attrs: MskStreamingIngestAttributes) {
    super(scope, id);
    this.streamName = attrs.topicName;
    this.partitions = attrs.partitions;
    this.retentionHours = attrs.retentionHours ?? DEFAULT_RETENTION_HOURS;
    this.streamArn = attrs.clusterArn;
    this.bootstrapServers = attrs.bootstrapServers;
    this.clusterName = attrs.clusterName;
    this.grantTarget = mskGrantTarget(attrs.clusterArn, attrs.topicName);
  }

  public grantWrite(identity: IIdentity): void {
    grantMsk(this, 'write', this.streamName, identity, mskWriteStatements(this.grantTarget));
  }

  public grantRead(identity: IIdentity): void {
    grantMsk(this, 'read', this.streamName, identity, mskReadStatements(this.grantTarget, identity));
  }
}

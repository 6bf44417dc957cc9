/** An MSK cluster that already exists. */
export interface MskClusterAttributes {
  /** Cluster ARN (`arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>`). */
  readonly clusterArn: string;
  /** Cluster name. */
  readonly clusterName: string;
  /** Bootstrap servers of the IAM listener (port 9098). */
  readonly bootstrapServers: string;
}

/** An existing MSK topic, for `MskStreamingIngest.fromClusterAttributes`. */
export interface MskStreamingIngestAttributes extends MskClusterAttributes {
  /** Topic name. */
  readonly topicName: string;
  /**
   * Partitions of the topic, for information.
   * @default - unknown
   */
  readonly partitions?: number;
  /**
   * Retention of the topic, hours, for information.
   * @default DEFAULT_RETENTION_HOURS (168)
   */
  readonly retentionHours?: number;
}

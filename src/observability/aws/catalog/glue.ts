import { IConstruct } from 'constructs';
import { AwsDataLake } from '../../../lake/aws/aws-data-lake';
import { ZoneCrawler } from '../../../lake/aws/private/zone-crawler';
import { AlarmComparison } from '../../alarm-contract';
import { EVENT_ALARM_EVALUATION_PERIODS, EVENT_ALARM_PERIOD_SECONDS, EVENT_ALARM_THRESHOLD } from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

/**
 * Alarms of an AwsDataLake: a failure event alarm per zone crawler (EventBridge: source `aws.glue`,
 * detail-type "Glue Crawler State Change", detail.state "Failed", detail.crawlerName). The watched
 * resource is the zone's crawler construct, so overrides can name the lake or one zone.
 * @internal
 */
export function glueAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof AwsDataLake)) return [];
  return node.node.findAll()
    .filter((c): c is ZoneCrawler => c instanceof ZoneCrawler)
    .map((zone): CloudWatchAlarmSpec => {
      const name = zone.crawler.nameInput ?? zone.crawler.name;
      return {
        key: 'glue-crawler-failed',
        resource: zone,
        resourceName: name,
        eventPattern: {
          'source': ['aws.glue'],
          'detail-type': ['Glue Crawler State Change'],
          'detail': { crawlerName: [zone.crawler.name], state: ['Failed'] },
        },
        threshold: EVENT_ALARM_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: EVENT_ALARM_PERIOD_SECONDS,
        evaluationPeriods: EVENT_ALARM_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 1, max: 100, integer: true, unit: 'events' },
        description: `Glue crawler ${name} failed: new tables and partitions of its zone are not registered in the catalog, so queries miss recent `
          + 'data. Check first: the crawler\'s last run error in the Glue console and its log stream in /aws-glue/crawlers (permissions on the '
          + 'bucket, its KMS key, or the database).',
      };
    });
}

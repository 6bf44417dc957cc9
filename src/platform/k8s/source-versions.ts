import { ChartPin } from './versions';

/**
 * Pinned Helm chart and images of the change-data-capture source databases on Kubernetes. The one
 * place to bump them; see `kubernetes-components.md` in the shared references for where each
 * version comes from. PostgreSQL sources reuse the CloudNativePG operator (`CLOUDNATIVE_PG_CHART`
 * in `lake-versions.ts`) and the PostgreSQL image of the warehouse (`POSTGRES_IMAGE`).
 */

/**
 * MongoDB Controllers for Kubernetes (chart 1.10.0, operator 1.10.0): replaces the MongoDB
 * Community Operator, whose support ended in November 2025. Serves `MongoDBCommunity`
 * (`mongodbcommunity.mongodb.com/v1`) and installs its CRDs.
 */
export const MONGODB_KUBERNETES_CHART: ChartPin = { repository: 'https://mongodb.github.io/helm-charts', chart: 'mongodb-kubernetes', version: '1.10.0' };
/**
 * MongoDB Community Server version of the replica sets (the operator runs
 * `quay.io/mongodb/mongodb-community-server:<version>-ubi8`).
 */
export const MONGODB_VERSION = '8.0.12';
/** User id the operator runs MongoDB pods as (its default pod security context; fsGroup too). */
export const MONGODB_RUN_AS_USER = 2000;
/** User id the MongoDB operator runs as (the chart's default). */
export const MONGODB_OPERATOR_RUN_AS_USER = 2000;

/** MySQL release of the source StatefulSet (8.4 LTS). */
export const MYSQL_VERSION = '8.4.10';
/** Official MySQL image (Docker Official Images, Oracle Linux 9), pinned by tag. */
export const MYSQL_IMAGE = `mysql:${MYSQL_VERSION}`;
/** User and group id of `mysql` in the official image (the container runs as it, never as root). */
export const MYSQL_IMAGE_USER_ID = 999;

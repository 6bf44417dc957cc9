import { IConstruct } from 'constructs';
import { invalidConfig } from '../../../core/errors';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { PodSecurityLevel } from '../../../platform/k8s/pod-security';

/** The connector plugin a Connect image carries, or a Strimzi build adds to it. @internal */
export interface ConnectPlugin {
  /** Plugin name in the Strimzi build. */
  readonly name: string;
  /** Strimzi artifact type of `url` (`zip`, `tgz`, `jar`...). */
  readonly artifactType: string;
  readonly url: string;
  /** How messages name it, for example "the Aiven S3 sink connector". */
  readonly description: string;
}

/** One connector plugin, or several that one Connect image carries together. @internal */
export type ConnectPlugins = ConnectPlugin | readonly ConnectPlugin[];

/** The plugins as a list. @internal */
export function connectPluginList(plugins: ConnectPlugins): readonly ConnectPlugin[] {
  return Array.isArray(plugins) ? plugins : [plugins as ConnectPlugin];
}

/** "a", "a and b", "a, b and c". */
function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Where the Connect image comes from: a prebuilt image, or a Strimzi build pushed to `buildOutputImage`. @internal */
export interface ConnectImageOptions {
  /** Prebuilt image with the plugin (wins over a build). */
  readonly image?: string;
  readonly buildOutputImage?: string;
  readonly buildPushSecret?: string;
}

/** The construct that runs a Connect cluster, as error messages name it. @internal */
export interface ConnectOwner {
  /** Its kind, for example "lake". */
  readonly kind: string;
  /** Its construct path. */
  readonly path: string;
  /** What its connectors do with a topic, for example "delivers". */
  readonly verb: string;
  /** What its connectors do, for example "delivering to the lake". */
  readonly purpose: string;
  /** Its class, whose `kafkaConnect` prop sets the image, for example "KubernetesDataLake". */
  readonly construct: string;
}

/**
 * Checks that the options give an image the platform can run: a prebuilt image, or a build
 * outside Pod Security "restricted" (Strimzi's Kaniko build runs as root).
 * @internal
 */
export function checkConnectImage(scope: IConstruct, options: ConnectImageOptions, plugin: ConnectPlugins, owner: ConnectOwner): void {
  const plugins = connectPluginList(plugin);
  const description = joinAnd(plugins.map((p) => p.description));
  if (!options.image && !options.buildOutputImage) {
    throw invalidConfig(scope, `${owner.purpose} needs a Kafka Connect image with ${description} (${plugins.map((p) => p.url).join(', ')}); set kafkaConnect.image on the ${owner.construct} (or kafkaConnect.buildOutputImage with a "baseline" platform).`);
  }
  if (!options.image && KubernetesPlatform.ofKubernetes(scope).podSecurity === PodSecurityLevel.RESTRICTED) {
    throw invalidConfig(scope, `kafkaConnect.buildOutputImage needs Strimzi's Kaniko build, which Pod Security "restricted" forbids (it runs as root); set kafkaConnect.image to a prebuilt image with ${description} instead.`);
  }
}

/** The `image` or `build` part of a KafkaConnect spec (a build adds every plugin). @internal */
export function connectImageSpec(options: ConnectImageOptions, plugin: ConnectPlugins): Record<string, any> {
  if (options.image) return { image: options.image };
  return {
    build: {
      output: { type: 'docker', image: options.buildOutputImage, ...(options.buildPushSecret ? { pushSecret: options.buildPushSecret } : {}) },
      plugins: connectPluginList(plugin).map((p) => ({ name: p.name, artifacts: [{ type: p.artifactType, url: p.url }] })),
    },
  };
}

import { App } from 'cdktf';
import { StreamingSearchStack } from './streaming-search';

/** Adds every reference architecture to `app`. */
export function buildReferenceApp(app: App): void {
  new StreamingSearchStack(app, 'streaming-search');
}

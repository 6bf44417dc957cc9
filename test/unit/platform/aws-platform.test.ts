import { AwsPlatform, DEFAULT_KEY_DELETION_WINDOW_DAYS, KeyStrategy, LOCAL_ENDPOINT_SERVICES, MANAGED_BY_TAG, MANAGED_BY_VALUE, PIPELINE_TAG, PipelinePlatform } from '../../../src';
import { newStack, synth } from '../../support/synth';

describe('AwsPlatform', () => {
  test('configures the provider with region and default tags', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', tags: { team: 'data' } });
    const out = synth(stack);
    const provider = out.json.provider.aws[0];
    expect(provider.region).toBe('eu-west-1');
    expect(provider.default_tags[0].tags).toEqual({ team: 'data', [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [PIPELINE_TAG]: 'acme' });
    expect(provider.endpoints).toBeUndefined();
  });

  test('local endpoint mode points every service at the emulator', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'us-east-1', namePrefix: 'acme', localEndpoint: { url: 'http://127.0.0.1:5000' } });
    const provider = synth(stack).json.provider.aws[0];
    for (const service of LOCAL_ENDPOINT_SERVICES) expect(provider.endpoints[0][service]).toBe('http://127.0.0.1:5000');
    expect(provider.skip_credentials_validation).toBe(true);
    expect(provider.s3_use_path_style).toBe(true);
    expect(provider.skip_requesting_account_id).toBeUndefined();
  });

  test('shared key strategy creates one rotating CMK', () => {
    const stack = newStack();
    const platform = new AwsPlatform(stack, 'Platform', { region: 'us-east-1', namePrefix: 'acme' });
    const a = platform.encryptionKey(platform, 'a');
    const b = platform.encryptionKey(platform, 'b');
    expect(a).toBe(b);
    const key = synth(stack).only('aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(DEFAULT_KEY_DELETION_WINDOW_DAYS);
  });

  test('existing key strategy creates no key', () => {
    const stack = newStack();
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/abc';
    const platform = new AwsPlatform(stack, 'Platform', { region: 'us-east-1', namePrefix: 'acme', keyStrategy: KeyStrategy.existingKey(arn) });
    expect(platform.encryptionKey(platform, 'x').keyArn).toBe(arn);
    expect(synth(stack).resources('aws_kms_key')).toEqual({});
  });

  test('errors name the construct, prop, value and what is allowed', () => {
    expect(() => new AwsPlatform(newStack(), 'Platform', { region: 'Europe', namePrefix: 'acme' })).toThrow(
      'test/Platform: invalid region: received "Europe"; use an AWS region code such as "eu-west-1".',
    );
    expect(() => new AwsPlatform(newStack(), 'Platform', { region: 'eu-west-1', namePrefix: 'Acme_1' })).toThrow(
      'test/Platform: invalid namePrefix: received "Acme_1"; use 2 to 24 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.',
    );
    expect(() => new AwsPlatform(newStack(), 'Platform', { region: 'eu-west-1', namePrefix: 'acme', localEndpoint: { url: 'localhost' } })).toThrow(
      'test/Platform: invalid localEndpoint.url: received "localhost"; use an http(s) URL such as "http://127.0.0.1:5000".',
    );
  });

  test('a stack has exactly one platform, and constructs need one', () => {
    const stack = newStack();
    expect(() => PipelinePlatform.of(stack)).toThrow(
      "test: no platform in stack \"test\". Add one before any pipeline construct: new AwsPlatform(stack, 'Platform', {...}) or new KubernetesPlatform(stack, 'Platform', {...}).",
    );
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    expect(() => new AwsPlatform(stack, 'Other', { region: 'eu-west-1', namePrefix: 'acme' })).toThrow(
      'test/Other: stack "test" already has a platform at test/Platform; a stack has exactly one.',
    );
  });
});

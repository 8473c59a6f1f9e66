import { describe, expect, it } from 'vitest';
import { resolveBuildSettings } from './build-settings';

describe('resolveBuildSettings', () => {
  it('defaults to Meta', () => {
    expect(resolveBuildSettings({})).toEqual({
      graphOrigin: 'https://graph.facebook.com',
      facebookOrigin: 'https://www.facebook.com',
      graphApiVersion: 'v25.0',
      defaultMetaAppId: '',
      defaultLoginConfigId: '',
      rateLimitFirstStepMs: 60_000,
      watchIntervalMinutes: 0,
    });
  });

  it('honours every WXT_ setting, keeping only the origin of URLs', () => {
    expect(
      resolveBuildSettings({
        WXT_GRAPH_ORIGIN: 'http://127.0.0.1:4100/',
        WXT_FACEBOOK_ORIGIN: 'http://127.0.0.1:4101/x',
        WXT_GRAPH_API_VERSION: 'v26.0',
        WXT_META_APP_ID: ' 99 ',
        WXT_META_LOGIN_CONFIG_ID: ' 818 ',
        WXT_RATE_LIMIT_FIRST_STEP_MS: '3000',
        WXT_WATCH_INTERVAL_MINUTES: '0.1',
      }),
    ).toEqual({
      graphOrigin: 'http://127.0.0.1:4100',
      facebookOrigin: 'http://127.0.0.1:4101',
      graphApiVersion: 'v26.0',
      defaultMetaAppId: '99',
      defaultLoginConfigId: '818',
      rateLimitFirstStepMs: 3000,
      watchIntervalMinutes: 0.5,
    });
  });

  it('ignores a configuration ID that is not digits, and a back-off step under a second', () => {
    expect(resolveBuildSettings({ WXT_META_LOGIN_CONFIG_ID: 'abc', WXT_RATE_LIMIT_FIRST_STEP_MS: '5' })).toMatchObject({
      defaultLoginConfigId: '',
      rateLimitFirstStepMs: 1000,
    });
  });

  it('ignores a version that is not of the form vNN.N', () => {
    expect(resolveBuildSettings({ WXT_GRAPH_API_VERSION: 'latest' }).graphApiVersion).toBe('v25.0');
  });
});

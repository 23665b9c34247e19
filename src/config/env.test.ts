import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from './env.ts';

describe('EWP host keys of the environment', () => {
  it('are off by default, with the documented defaults', () => {
    const env = readEnv({});
    expect(env.KAKEHASHI_EWP_HEI_ID).toBeUndefined();
    expect(env.KAKEHASHI_EWP_ADMIN_EMAILS).toEqual([]);
    expect(env.KAKEHASHI_EWP_ADMIN_PROVIDER).toBe('Kakehashi');
    expect(env.KAKEHASHI_EWP_MAX_IDS).toBe(20);
  });

  it('read the institution, the files and the admin addresses; a blank value is unset', () => {
    const env = readEnv({
      KAKEHASHI_EWP_HEI_ID: ' univ-grenoble-alpes.fr ',
      KAKEHASHI_EWP_PRIVATE_KEY_FILE: '/etc/kakehashi/ewp-key.pem',
      KAKEHASHI_EWP_CATALOGUE_FILE: '  ',
      KAKEHASHI_EWP_ADMIN_EMAILS: 'a@example.org, b@example.org,',
      KAKEHASHI_EWP_MAX_IDS: '5',
    });
    expect(env.KAKEHASHI_EWP_HEI_ID).toBe('univ-grenoble-alpes.fr');
    expect(env.KAKEHASHI_EWP_CATALOGUE_FILE).toBeUndefined();
    expect(env.KAKEHASHI_EWP_ADMIN_EMAILS).toEqual(['a@example.org', 'b@example.org']);
    expect(env.KAKEHASHI_EWP_MAX_IDS).toBe(5);
    expect(() => readEnv({ KAKEHASHI_EWP_MAX_IDS: '0' })).toThrow(ConfigError);
  });
});

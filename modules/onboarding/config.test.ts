import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.ts';

describe('CORE_BANKING_URL', () => {
  it('given none, then unset (the core-banking simulator runs in demo mode)', () => {
    expect(loadConfig({}).onboarding.coreBankingUrl).toBeUndefined();
  });

  it('given an http(s) URL, then it is used without a trailing slash', () => {
    expect(loadConfig({ CORE_BANKING_URL: 'https://core.bank.example/' }).onboarding.coreBankingUrl).toBe(
      'https://core.bank.example',
    );
  });

  it('given something else, then start-up stops naming the variable', () => {
    const attempt = () => loadConfig({ CORE_BANKING_URL: 'core-banking:8080' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/CORE_BANKING_URL: expected an http\(s\) URL/);
  });
});

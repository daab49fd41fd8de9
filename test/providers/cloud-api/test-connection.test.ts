import { describe, expect, it } from 'vitest';
import { testConnection } from '../../../main/providers/cloud-api/test-connection';
import type { GraphErrorClass } from '../../support/fake-graph-api';
import { useFakeGraph } from '../../support/use-fake-graph';

const fake = useFakeGraph();

describe('test connection', () => {
  it('returns the display number and verified name when everything is right', async () => {
    const check = await testConnection(fake.settings);

    expect(check).toEqual({
      ok: true,
      displayPhoneNumber: '+31 6 12345678',
      verifiedName: 'Bloemen Sanne',
      qualityRating: 'GREEN',
      accountName: 'Bloemen Sanne BV',
    });
    expect(fake.api.requests.map((r) => [r.route, r.query.fields])).toEqual([
      [`/${fake.api.phoneNumberId}`, 'display_phone_number,verified_name,quality_rating'],
      [`/${fake.api.wabaId}`, 'name'],
    ]);
  });

  it('says the token is wrong when the fake does not know it', async () => {
    const check = await testConnection({ ...fake.settings, accessToken: 'pasted-half' });

    expect(check).toMatchObject({ ok: false, problem: 'invalid-token', code: 190 });
  });

  const phoneCases: [GraphErrorClass, string][] = [
    ['expired-token', 'expired-token'],
    ['permission', 'missing-permission'],
    ['permission-200', 'missing-permission'],
    ['wrong-id', 'wrong-phone-number-id'],
    ['wrong-id-803', 'wrong-phone-number-id'],
    ['server', 'server'],
  ];
  it.each(phoneCases)('phone number lookup answering %s → %s', async (error, problem) => {
    fake.api.answer('GET', `/${fake.api.phoneNumberId}`, { kind: 'error', error });

    const check = await testConnection(fake.settings);

    expect(check).toMatchObject({ ok: false, problem });
    expect(check.ok ? '' : check.reason).not.toBe('');
  });

  it('says the account ID is wrong when only the account lookup fails', async () => {
    fake.api.answer('GET', `/${fake.api.wabaId}`, { kind: 'error', error: 'wrong-id' });

    expect(await testConnection(fake.settings)).toMatchObject({
      ok: false,
      problem: 'wrong-waba-id',
      code: 100,
    });
  });

  it('says the network is down when the connection drops', async () => {
    fake.api.answer('GET', `/${fake.api.phoneNumberId}`, { kind: 'drop' });

    expect(await testConnection(fake.settings)).toMatchObject({ ok: false, problem: 'network', code: null });
  });
});

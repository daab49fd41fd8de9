import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphSettings, type GraphSettings } from '../../../main/providers/cloud-api/graph-settings';
import { testConnection } from '../../../main/providers/cloud-api/test-connection';
import { FakeGraphApi, type GraphErrorClass } from '../../support/fake-graph-api';

let api: FakeGraphApi;
let settings: GraphSettings;

beforeEach(async () => {
  api = await FakeGraphApi.start();
  settings = graphSettings(
    { accessToken: api.token, phoneNumberId: api.phoneNumberId, wabaId: api.wabaId },
    { baseUrl: api.baseUrl },
  );
});
afterEach(async () => {
  await api.stop();
});

describe('test connection', () => {
  it('returns the display number and verified name when everything is right', async () => {
    const check = await testConnection(settings);

    expect(check).toEqual({
      ok: true,
      displayPhoneNumber: '+31 6 12345678',
      verifiedName: 'Bloemen Sanne',
      qualityRating: 'GREEN',
      accountName: 'Bloemen Sanne BV',
    });
    expect(api.requests.map((r) => [r.route, r.query.fields])).toEqual([
      [`/${api.phoneNumberId}`, 'display_phone_number,verified_name,quality_rating'],
      [`/${api.wabaId}`, 'name'],
    ]);
  });

  it('says the token is wrong when the fake does not know it', async () => {
    const check = await testConnection({ ...settings, accessToken: 'pasted-half' });

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
    api.answer('GET', `/${api.phoneNumberId}`, { kind: 'error', error });

    const check = await testConnection(settings);

    expect(check).toMatchObject({ ok: false, problem });
    expect(check.ok ? '' : check.reason).not.toBe('');
  });

  it('says the account ID is wrong when only the account lookup fails', async () => {
    api.answer('GET', `/${api.wabaId}`, { kind: 'error', error: 'wrong-id' });

    expect(await testConnection(settings)).toMatchObject({ ok: false, problem: 'wrong-waba-id', code: 100 });
  });

  it('says the network is down when the connection drops', async () => {
    api.answer('GET', `/${api.phoneNumberId}`, { kind: 'drop' });

    expect(await testConnection(settings)).toMatchObject({ ok: false, problem: 'network', code: null });
  });
});

import { CmComProvider, type CmAccount } from '../../../main/providers/cm-com/cm-provider';
import type { FakeCmApi } from '../../support/fake-cm-api';
import { silentLog } from '../../support/recorders';

/** A provider on the fake CM.com server, with the account the cm-*.test.ts files assume unless changed. */
export function cmProvider(api: FakeCmApi, change: Partial<CmAccount> = {}): CmComProvider {
  const account: CmAccount = {
    baseUrl: api.baseUrl,
    productToken: api.token,
    sender: '+31612345678',
    templateNamespace: 'c1a2b3_ns',
    timeoutMs: 5_000,
    ...change,
  };
  return new CmComProvider(() => account, silentLog);
}

import type { AccountCredentials, AccountStatus, ConnectionTest } from '../contract/account';
import type { CmCredentials } from '../contract/account-cm';
import { openAccountFile } from '../store/account-file';
import { SerialQueue } from '../store/serial-queue';
import { connectCloudApi, resumeCloudApi, testCloudApi } from './account-cloud';
import { connectGateway, resumeGateway, testGatewayConnection } from './account-gateway-connect';
import { AccountState, type AccountDeps } from './account-state';
import type { MediaSource, MessagingProvider } from './ports';
import type { TemplateSource } from './template-sync';
import type { TemplateSubmitter } from './template-ports';

export { DEFAULT_WEBHOOK_PORT, type AccountDeps } from './account-state';

/**
 * The owner's WhatsApp Business number: test, connect, disconnect, and what the wizard shows. Two ways
 * to connect share one link, one secret store and one status (account-state.ts): straight to the Cloud
 * API (account-cloud.ts) or through a messaging gateway such as CM.com (account-gateway-connect.ts).
 * Changes run one at a time in a queue, so a connect never interleaves with a disconnect.
 */
export class AccountService {
  private readonly queue = new SerialQueue();

  private constructor(private readonly state: AccountState) {}

  /** Opens account.json and, when a number is connected and its secrets can be read, starts the link. */
  static async open(deps: AccountDeps): Promise<AccountService> {
    const file = await openAccountFile(deps.dir, { now: () => deps.clock.now(), log: deps.log });
    const state = new AccountState(deps, file);
    state.problems = file.problems.map((p) => `${p.message} ${p.recovery}`);
    const settings = file.get();
    const gateway = file.gateway();
    if (settings) await resumeCloudApi(state, settings);
    else if (gateway) await resumeGateway(state, gateway);
    return new AccountService(state);
  }

  /** The provider for the real workspace: the account's when connected, else null (no account). */
  provider(): MessagingProvider | null {
    return this.state.link?.sessionProvider ?? null;
  }

  /** Where the real workspace's inbound media come from: the connected account, or null. */
  mediaSource(): MediaSource | null {
    return this.state.link?.mediaSource ?? null;
  }

  /** Where the real workspace submits templates for approval: the connected account, or null. */
  templateSubmitter(): TemplateSubmitter | null {
    return this.state.link?.templateSubmitter ?? null;
  }

  /** Where the real workspace's template sync fetches from: the account's templates, or null. */
  templateSource(): TemplateSource | null {
    return this.state.link?.templateSource ?? null;
  }

  status(): AccountStatus {
    return this.state.status();
  }

  test(credentials: AccountCredentials): Promise<ConnectionTest> {
    return testCloudApi(this.state.deps, credentials);
  }

  connect(credentials: AccountCredentials): Promise<AccountStatus> {
    return this.queue.run(() => connectCloudApi(this.state, credentials));
  }

  testGateway(credentials: CmCredentials): Promise<ConnectionTest> {
    return testGatewayConnection(this.state.deps, credentials);
  }

  connectGateway(credentials: CmCredentials): Promise<AccountStatus> {
    return this.queue.run(() => connectGateway(this.state, credentials));
  }

  /** Stops the receiver, wipes every stored secret and forgets the number; the history stays. */
  disconnect(): Promise<AccountStatus> {
    return this.queue.run(async () => {
      const { state } = this;
      await state.stopLink();
      await state.wipeSecrets();
      await state.file.save(null);
      state.verifyToken = null;
      state.problems = [];
      state.deps.log.info('WhatsApp number disconnected');
      return state.changed();
    });
  }

  async close(): Promise<void> {
    await this.queue.idle();
    await this.state.link?.stop();
    this.state.link = null;
    await this.state.file.close();
  }
}

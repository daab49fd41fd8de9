import type { Handlers } from '../contract/ipc';
import type { AccountService } from '../services/account';
import type { BackupService } from '../services/backups';
import type { DemoSimulation } from '../services/demo/simulate-inbound';
import type { Clock } from '../services/ports';
import type { Workspaces } from '../services/workspaces';

export interface HandlerDeps {
  workspaces: Workspaces;
  demo: DemoSimulation;
  clock: Clock;
  account: AccountService;
  backups: BackupService;
}

/**
 * Each IPC channel to the service that answers it, and nothing more: the router validates the call
 * before, the service decides. The session is looked up per call, since switching workspaces replaces it.
 */
export function createHandlers({ workspaces, demo, clock, account, backups }: HandlerDeps): Handlers {
  const session = () => workspaces.session();
  return {
    contacts: {
      list: () => session().contacts.list(),
      firstScreen: ({ limit }) => session().contacts.firstScreen(limit),
      page: (query) => session().contacts.page(query),
      get: (id) => session().contacts.row(id),
      create: (draft) => session().contacts.create(draft),
      update: (id, draft, expectedUpdatedAt) => session().contacts.update(id, draft, expectedUpdatedAt),
      setMuted: (id, muted) => session().contacts.setMuted(id, muted),
      confirmOptIn: (id) => session().consent.confirmOptIn(id),
      removalSummary: (id) => session().data.forget.summary(id),
      remove: async (id) => {
        await session().data.forget.remove(id);
        return null;
      },
      markRead: async (id) => {
        await session().inbox.markRead(id);
        return session().contacts.row(id);
      },
      applyLabels: (change) => session().labels.apply(change),
    },
    imports: {
      previewContactsCsv: (request) => session().data.contactsCsv.preview(request),
      applyContactsCsv: (previewId) => session().data.contactsCsv.apply(previewId),
      undoContactsCsv: (importId) => session().data.contactsCsv.undo(importId),
      previewChatExport: (request) => session().chatImport.preview(request),
      applyChatExport: (previewId) => session().chatImport.apply(previewId),
      undoChatExport: (importId) => session().chatImport.undo(importId),
    },
    exports: {
      contactsCsv: () => session().data.exports.contactsCsv(),
      conversation: (contactId, format) => session().data.exports.conversation(contactId, format),
      allConversations: (format) => session().data.exports.allConversations(format),
      contactData: (contactId) => session().data.exports.contactData(contactId),
    },
    conversation: {
      history: (contactId, query) => session().conversation.history(contactId, query),
      sendText: (contactId, text, replyToId) => session().conversation.sendText(contactId, text, replyToId),
      sendMedia: (contactId, request) => session().sends.rich.sendMedia(contactId, request),
      react: (contactId, messageId, emoji) => session().sends.rich.react(contactId, messageId, emoji),
      sendTemplate: (contactId, templateId) => session().followUps.sendTemplate(contactId, templateId),
      markSent: (contactId, messageId) => session().outbox.markSent(contactId, messageId),
      sendAgain: (contactId, messageId) => session().sends.again(contactId, messageId),
      retryMedia: (contactId, messageId) => session().media.downloads.retry(contactId, messageId),
      openMedia: (contactId, messageId) => session().media.actions.open(contactId, messageId),
      saveMediaAs: (contactId, messageId) => session().media.actions.saveAs(contactId, messageId),
      openLocation: (contactId, messageId, link) =>
        session().media.actions.openLocation(contactId, messageId, link),
    },
    attachments: {
      pick: (contactId) => session().sends.attachments.pick(contactId),
      begin: (contactId, start) => session().sends.attachments.begin(contactId, start),
      chunk: (piece) => session().sends.attachments.chunk(piece),
      finish: (attachmentId) => session().sends.attachments.finish(attachmentId),
      discard: (attachmentId) => session().sends.attachments.discard(attachmentId),
    },
    templates: {
      list: () => session().templates.list(),
      save: (draft, id) => session().templates.save(draft, id),
      remove: async (id) => {
        await session().templates.remove(id);
        return null;
      },
      sync: () => session().templateSync.sync(),
      submit: (draft) => session().templateSubmission.submit(draft),
      stageSample: (start) => session().templateSubmission.stageSample(start),
      sampleChunk: (chunk) => session().templateSubmission.sampleChunk(chunk),
    },
    followUps: {
      preview: (contactId, templateId) => session().followUps.preview(contactId, templateId),
      send: (contactId, templateId) => session().followUps.send(contactId, templateId),
      overview: () => session().followUps.overview(),
      sendAll: (items) => session().followUps.sendAll(items),
    },
    quickReplies: {
      list: () => session().answerFaster.quickReplies.list(),
      save: (draft, id) => session().answerFaster.quickReplies.save(draft, id),
      remove: (id) => session().answerFaster.quickReplies.remove(id),
    },
    autoReplies: {
      get: () => session().answerFaster.autoReplies.view(),
      update: (settings) => session().answerFaster.autoReplies.update(settings),
    },
    scheduledFollowUps: {
      list: () => session().answerFaster.scheduled.list(),
      schedule: (contactId, templateId, at) =>
        session().answerFaster.scheduled.schedule(contactId, templateId, at),
      cancel: (contactId) => session().answerFaster.scheduled.cancel(contactId),
    },
    reminders: {
      upcoming: () => session().reminders.upcoming(),
      snooze: (id, mode) => session().reminders.snooze(id, mode),
    },
    notifications: {
      centre: () => session().reminders.centre(),
      markRead: (ids) => session().reminders.markRead(ids),
    },
    settings: {
      get: () => session().settings.current(),
      update: (patch) => session().settings.update(patch),
    },
    costs: {
      terms: () => session().costs.terms(),
      importRateCard: (csv) => session().costs.importRateCard(csv),
      clearRateCard: () => session().costs.clearRateCard(),
      setAllowance: (allowance) => session().costs.setAllowance(allowance),
      month: (yearMonth) => session().monthCosts.month(yearMonth),
    },
    workspace: {
      info: () => workspaces.info(),
      startReal: () => workspaces.switchTo('real'),
      openDemo: () => workspaces.switchTo('demo'),
      dismissProblems: () => workspaces.dismissProblems(),
    },
    account: {
      status: () => account.status(),
      test: (credentials) => account.test(credentials),
      connect: (credentials) => account.connect(credentials),
      testCm: (credentials) => account.testGateway(credentials),
      connectCm: (credentials) => account.connectGateway(credentials),
      disconnect: () => account.disconnect(),
    },
    demo: {
      simulateInbound: (contactId, text) => demo.simulateInbound(contactId, text),
    },
    clock: {
      now: () => clock.now(),
    },
    search: {
      messages: (query) => session().search.search(query),
    },
    backups: {
      list: () => backups.overview(),
      create: () => backups.create(),
      preview: (id) => backups.preview(id),
      restore: (id) => backups.restore(id),
      setFolder: (folder) => backups.setFolder(folder),
    },
  };
}

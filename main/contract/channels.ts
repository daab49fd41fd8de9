import type { calls, events } from './ipc';

/**
 * The name of every call and event, without their schemas: all the preload needs to build
 * `window.careWindow`. It lives apart from ipc.ts so the preload bundle carries neither zod nor a single
 * schema. The types at the bottom refuse to compile when this table and ipc.ts's `calls` and `events`
 * disagree, so adding a call means naming it here too.
 */
export const callNames = {
  contacts: [
    'list',
    'firstScreen',
    'page',
    'get',
    'create',
    'update',
    'setMuted',
    'confirmOptIn',
    'removalSummary',
    'remove',
    'markRead',
    'applyLabels',
  ],
  imports: [
    'previewContactsCsv',
    'applyContactsCsv',
    'undoContactsCsv',
    'previewChatExport',
    'applyChatExport',
    'undoChatExport',
  ],
  exports: ['contactsCsv', 'conversation', 'allConversations', 'contactData'],
  conversation: [
    'history',
    'sendText',
    'sendTemplate',
    'markSent',
    'sendAgain',
    'retryMedia',
    'openMedia',
    'saveMediaAs',
    'openLocation',
    'sendMedia',
    'react',
  ],
  attachments: ['pick', 'begin', 'chunk', 'finish', 'discard'],
  templates: ['list', 'save', 'remove', 'sync', 'submit', 'stageSample', 'sampleChunk'],
  followUps: ['preview', 'send', 'overview', 'sendAll'],
  quickReplies: ['list', 'save', 'remove'],
  autoReplies: ['get', 'update'],
  scheduledFollowUps: ['list', 'schedule', 'cancel'],
  reminders: ['upcoming', 'snooze'],
  notifications: ['centre', 'markRead'],
  settings: ['get', 'update'],
  costs: ['terms', 'importRateCard', 'clearRateCard', 'setAllowance', 'month'],
  workspace: ['info', 'startReal', 'openDemo', 'dismissProblems'],
  account: ['status', 'test', 'connect', 'testCm', 'connectCm', 'disconnect'],
  demo: ['simulateInbound'],
  clock: ['now'],
  backups: ['list', 'create', 'preview', 'restore', 'setFolder'],
  search: ['messages'],
} as const satisfies Record<string, readonly string[]>;

export const eventNames = [
  'contacts:changed',
  'contacts:removed',
  'conversation:message',
  'workspace:changed',
  'account:changed',
  'settings:changed',
  'costs:changed',
  'templates:changed',
  'notifications:changed',
  'app:navigate',
  'clock:changed',
  'backups:changed',
  'quickReplies:changed',
  'scheduledFollowUps:changed',
] as const;

export type EventName = (typeof eventNames)[number];

export function isEventName(name: string): name is EventName {
  return (eventNames as readonly string[]).includes(name);
}

export const channelName = (area: string, method: string): string => `${area}:${method}`;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compiles only while `callNames` lists exactly the areas and methods of ipc.ts's `calls`. */
export type CallNamesMatchContract = Assert<
  Same<
    { [A in keyof typeof callNames]: (typeof callNames)[A][number] },
    { [A in keyof typeof calls]: keyof (typeof calls)[A] }
  >
>;

/** Compiles only while `eventNames` lists exactly the keys of ipc.ts's `events`. */
export type EventNamesMatchContract = Assert<Same<EventName, keyof typeof events>>;

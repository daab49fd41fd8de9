import { z } from 'zod';
import { SampleChunk, SampleStart, StagedSample, TemplateSubmissionDraft } from './template-submission';
import {
  AutoRepliesView,
  AutoReplySettings,
  QuickReply,
  QuickReplyDraft,
  ScheduledFollowUp,
} from './answer-faster';
import {
  FollowUpBatch,
  FollowUpOverview,
  FollowUpPreview,
  FollowUpResult,
  Id,
  Message,
  Template,
  TemplateDraft,
  TemplateSyncSummary,
  Timestamp,
} from './model';
import { call } from './call';

/** Templates and the ways to answer faster: follow-ups (now or scheduled), quick replies, auto-replies. */
export const answeringCalls = {
  templates: {
    list: call(z.tuple([]), z.array(Template)),
    /** Creates (no id) or replaces a template; refused with the exact position or field when invalid. */
    save: call(z.tuple([TemplateDraft, Id.optional()]), Template),
    remove: call(z.tuple([Id]), z.null()),
    /** Fetches the connected account's templates into the library; says what changed. */
    sync: call(z.tuple([]), TemplateSyncSummary),
    /** Checks a new template against WhatsApp's rules, submits it for approval, keeps it as pending. */
    submit: call(z.tuple([TemplateSubmissionDraft]), Template),
    /** Starts receiving a header sample file (photo, video, PDF); refused when it cannot be a header. */
    stageSample: call(z.tuple([SampleStart]), StagedSample),
    /** One piece of a header sample, in order. */
    sampleChunk: call(z.tuple([SampleChunk]), StagedSample),
  },
  followUps: {
    /** What one click would send to this contact (default template unless one is named), and whether it may. */
    preview: call(z.tuple([Id, Id.optional()]), FollowUpPreview),
    send: call(z.tuple([Id, Id]), Message),
    /** Every closed window: the ones that can get a follow-up, and the ones that cannot with why. */
    overview: call(z.tuple([]), FollowUpOverview),
    sendAll: call(z.tuple([FollowUpBatch]), z.array(FollowUpResult)),
  },
  /** Saved answers inserted with `/` in the message box. */
  quickReplies: {
    list: call(z.tuple([]), z.array(QuickReply)),
    /** Creates (no id) or replaces a quick reply; a shortcut used by another one is refused. */
    save: call(z.tuple([QuickReplyDraft, Id.optional()]), QuickReply),
    remove: call(z.tuple([Id]), z.null()),
  },
  /** The automatic greeting and away message, with what WhatsApp bills for them. */
  autoReplies: {
    get: call(z.tuple([]), AutoRepliesView),
    update: call(z.tuple([AutoReplySettings]), AutoRepliesView),
  },
  /** Follow-ups the owner asked to send at a later moment (a window that closed at night). */
  scheduledFollowUps: {
    list: call(z.tuple([]), z.array(ScheduledFollowUp)),
    /** contact, template, when: replaces the contact's earlier one; refused when it could not be sent then. */
    schedule: call(z.tuple([Id, Id, Timestamp]), ScheduledFollowUp),
    cancel: call(z.tuple([Id]), z.null()),
  },
} as const;

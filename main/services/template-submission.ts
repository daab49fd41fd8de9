import { AppError } from '../contract/errors';
import type {
  SampleChunk,
  SampleStart,
  StagedSample,
  Template,
  TemplateSubmissionDraft,
} from '../contract/model';
import { maxMediaBytes } from '../domain/media-rules';
import { outgoingMediaType } from '../domain/outgoing-media';
import type { NoticeDraft } from '../domain/reminders/notices';
import { statusOf } from '../domain/templates/remote-template';
import { checkSubmission, type TemplateSpec } from '../domain/templates/submission-rules';
import { buttonMappingKey, urlTakesSuffix } from '../domain/templates/send-parts';
import { validateTemplateDraft } from '../domain/templates/template-draft';
import { statusOfEvent, templateStatusNotice } from '../domain/templates/template-status-words';
import { appendSample, dropSample, keepSample, readSample, sampleSize } from '../store/template-samples';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Clock, Logger } from './ports';
import type { SessionDeps } from './session-deps';
import type { TemplateStatusUpdate, TemplateSubmitter } from './template-ports';
import type { TemplatesService } from './templates';
import type { ReminderService } from './reminders';

export interface TemplateSubmissionDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  log: Logger;
  /** The connected account's submitter; null when none is connected (or the provider cannot). */
  submitter: () => TemplateSubmitter | null;
  knownFields: () => ReadonlySet<string>;
  /** The library changed: pushed to the renderer. */
  changed: () => void;
  /** A notification for the centre and the desktop. */
  note: (draft: NoticeDraft) => void;
}

const label = (t: Pick<Template, 'name' | 'language'>) => `${t.name} (${t.language})`;

/**
 * "New template for approval": the owner's template is checked against the platform's rules (the same
 * pure check the form runs), submitted through the provider, and kept in the library as pending with the
 * platform's id. Status updates from the platform (webhook, or a sync) move it on, each with a
 * notification in plain words.
 */
export class TemplateSubmissionService {
  private readonly staged = new Map<string, StagedSample>();

  constructor(private readonly deps: TemplateSubmissionDeps) {}

  /** Starts receiving a header sample; refused when WhatsApp would not take it as a header. */
  stageSample(start: SampleStart): StagedSample {
    const type = outgoingMediaType(start.fileName);
    const usable =
      type && (type.kind === 'image' || type.kind === 'video' || type.mimeType === 'application/pdf');
    if (!type || !usable)
      throw invalid(
        'headerSample',
        `“${start.fileName}” cannot be a header: choose a JPEG or PNG photo, an MP4 video or a PDF.`,
      );
    if (start.size > maxMediaBytes(type.kind))
      throw invalid(
        'headerSample',
        `“${start.fileName}” is too large for a ${type.kind} header (at most ${maxMediaBytes(type.kind) / (1024 * 1024)} MB).`,
      );
    const sample: StagedSample = {
      sampleId: this.deps.ids(),
      fileName: start.fileName,
      mimeType: type.mimeType,
      size: start.size,
      received: 0,
    };
    this.staged.set(sample.sampleId, sample);
    return sample;
  }

  async sampleChunk(chunk: SampleChunk): Promise<StagedSample> {
    const sample = this.staged.get(chunk.sampleId);
    if (!sample)
      throw new AppError({
        code: 'not-found',
        message: 'This sample is no longer being received. Choose the file again.',
      });
    const bytes = Buffer.from(chunk.data, 'base64');
    const ok = await appendSample(this.deps.store.dir, sample.sampleId, chunk.offset, bytes, sample.size);
    if (!ok) throw invalid('headerSample', 'A piece of the sample went missing. Choose the file again.');
    const next = { ...sample, received: await sampleSize(this.deps.store.dir, sample.sampleId) };
    this.staged.set(sample.sampleId, next);
    return next;
  }

  async submit(draft: TemplateSubmissionDraft): Promise<Template> {
    const { store, clock } = this.deps;
    // The form's own check, again: main never submits what the form would refuse.
    const sample = draft.headerSample ? (this.staged.get(draft.headerSample.sampleId) ?? null) : null;
    const checked = checkSubmission({
      ...draft,
      headerSample: sample ?? (draft.headerSample && { ...draft.headerSample, received: 0 }),
    });
    const library = checked.ok ? this.libraryCheck(draft, checked.spec) : null;
    const errors = {
      ...(checked.ok ? {} : checked.errors),
      ...(library && !library.ok ? library.errors : {}),
    };
    if (!checked.ok || !library?.ok || Object.keys(errors).length > 0) {
      const messages = Object.values(errors);
      throw new AppError({
        code: 'invalid-input',
        message:
          messages.length === 1 && messages[0]
            ? messages[0]
            : 'Some fields need your attention before the template can be submitted.',
        fields: errors,
      });
    }
    const submitter = this.deps.submitter();
    if (!submitter)
      throw new AppError({
        code: 'not-found',
        message:
          'Connect your WhatsApp number first: templates are submitted to your WhatsApp Business Account for approval.',
      });
    const spec = checked.spec;
    let kept: { file: string; bytes: Uint8Array } | null = null;
    if (sample && spec.header && spec.header.format !== 'text') {
      const ext = sample.fileName.split('.').pop() ?? 'bin';
      const file = await keepSample(store.dir, sample.sampleId, ext);
      this.staged.delete(sample.sampleId);
      const bytes = await readSample(store.dir, file);
      if (!bytes) throw invalid('headerSample', 'The sample file could not be read back. Choose it again.');
      kept = { file, bytes };
    }
    const outcome = await submitter.submitTemplate({
      spec,
      sample:
        kept && sample ? { bytes: kept.bytes, mimeType: sample.mimeType, fileName: sample.fileName } : null,
    });
    if (!outcome.ok) {
      this.deps.log.warn('A template submission was not accepted', { kind: outcome.kind });
      throw new AppError({ code: 'send-failed', message: `${outcome.reason} ${outcome.action}` });
    }
    const now = clock.now();
    const template: Template = {
      ...library.template,
      // The library's check keeps body placeholders only; a URL button's suffix source comes along.
      mapping: { ...library.template.mapping, ...buttonMappings(draft.mapping, spec.buttons) },
      id: this.deps.ids(),
      status: statusOf(outcome.status),
      source: 'platform',
      remoteId: outcome.remoteId,
      submittedAt: now,
      platformNote: null,
      headerMedia:
        spec.header && spec.header.format !== 'text' && sample
          ? {
              kind: spec.header.format,
              sample: kept?.file ?? null,
              fileName: sample.fileName,
              mimeType: sample.mimeType,
            }
          : null,
      buttonSpecs: spec.buttons,
      examples: {
        ...Object.fromEntries(spec.bodyExamples.map((e) => [e.key, e.example])),
        ...(spec.header?.format === 'text' && spec.header.example
          ? { header: spec.header.example.example }
          : {}),
      },
      createdAt: now,
      updatedAt: now,
    };
    await store.saveTemplate(template);
    this.deps.changed();
    return template;
  }

  /** A status the platform reported: applied once (a redelivery changes nothing), with a notification. */
  async statusChanged(update: TemplateStatusUpdate): Promise<void> {
    const { store, clock } = this.deps;
    const to = statusOfEvent(update.event);
    const template =
      store.templates().find((t) => update.remoteId !== null && t.remoteId === update.remoteId) ??
      store.templates().find((t) => t.name === update.name && t.language === update.language);
    if (!template || to === null) {
      this.deps.log.info('A template status update that changes nothing here', {
        event: update.event,
        known: template !== undefined,
      });
      return;
    }
    const note = to === 'approved' ? null : (update.reason?.slice(0, 500) ?? null);
    if (template.status === to && (template.platformNote ?? null) === note) return;
    await store.saveTemplate({
      ...template,
      status: to,
      platformNote: note,
      remoteId: template.remoteId ?? update.remoteId,
      updatedAt: clock.now(),
    });
    this.deps.changed();
    this.notify(template, to, update.reason);
  }

  /** A status a sync found changed: the same notification as the webhook's. */
  notify(template: Pick<Template, 'name' | 'language'>, to: Template['status'], reason: string | null): void {
    const words = templateStatusNotice(label(template), to, reason);
    this.deps.note({ kind: 'template', ...words, contactIds: [], reminderIds: [] });
  }

  /** Forgets staged samples (the workspace closes); their pieces are cleared at the next start anyway. */
  async close(): Promise<void> {
    for (const id of this.staged.keys()) await dropSample(this.deps.store.dir, id).catch(() => undefined);
    this.staged.clear();
  }

  /** The library's own rules: the name unique per language, every placeholder mapped to a value. */
  private libraryCheck(draft: TemplateSubmissionDraft, spec: TemplateSpec) {
    const result = validateTemplateDraft(
      {
        name: spec.name,
        language: spec.language,
        category: spec.category,
        status: 'pending',
        body: spec.body,
        header: spec.header?.format === 'text' ? spec.header.text : null,
        footer: spec.footer,
        buttons: spec.buttons.map((b) => b.text),
        mapping: draft.mapping,
      },
      { knownFields: this.deps.knownFields(), others: this.deps.store.templates() },
    );
    return result;
  }
}

/** The draft's sources of URL buttons' {{1}} suffixes ("button.<index>"), for buttons that take one. */
function buttonMappings(
  mapping: TemplateSubmissionDraft['mapping'],
  buttons: TemplateSpec['buttons'],
): Template['mapping'] {
  const kept: Template['mapping'] = {};
  buttons.forEach((button, index) => {
    const key = buttonMappingKey(index);
    const source = Object.hasOwn(mapping, key) ? mapping[key] : undefined;
    if (source !== undefined && urlTakesSuffix(button)) kept[key] = source;
  });
  return kept;
}

function invalid(field: string, message: string): AppError {
  return new AppError({ code: 'invalid-input', message, fields: { [field]: message } });
}

/** The session's submission service: the library pushed on change, notes through the reminder journal. */
export function templateSubmissionFor(
  deps: SessionDeps,
  session: { templates: TemplatesService; reminders: ReminderService },
  rowsChanged: () => void,
): TemplateSubmissionService {
  return new TemplateSubmissionService({
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    log: deps.log,
    submitter: () => deps.templateSubmitter ?? null,
    knownFields: () => session.templates.knownFields(),
    changed: () => {
      deps.publisher.publish('templates:changed', { templates: session.templates.list() });
      rowsChanged();
    },
    note: (draft) => session.reminders.note(draft),
  });
}

/** Status updates from the account's provider to the service; the returned function stops listening. */
export function listenToTemplateStatus(deps: SessionDeps, service: TemplateSubmissionService): () => void {
  if (!deps.templateSubmitter) return () => undefined;
  return deps.templateSubmitter.onTemplateStatus((update) =>
    service.statusChanged(update).catch((error: unknown) => {
      // Rethrown: the webhook stays in the inbox journal and is applied again later.
      deps.log.warn('Could not record a template status', { error: String(error) });
      throw error;
    }),
  );
}

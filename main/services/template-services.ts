import type { Settings } from '../contract/model';
import type { ReminderService } from './reminders';
import type { SessionDeps } from './session-deps';
import { templateSubmissionFor, type TemplateSubmissionService } from './template-submission';
import { TemplateSyncService } from './template-sync';
import { TemplatesService } from './templates';

/** The template library: edited by the owner, synced from the account, new ones submitted for approval. */
export interface TemplateServices {
  templates: TemplatesService;
  templateSync: TemplateSyncService;
  templateSubmission: TemplateSubmissionService;
}

/**
 * Builds them for a session. `rowsChanged`: a template changed, so which follow-ups are ready may have
 * too (every row is worked out again).
 */
export function templateServicesFor(
  deps: SessionDeps,
  session: {
    reminders: ReminderService;
    updateSettings: (patch: Partial<Settings>) => Promise<Settings>;
    rowsChanged: () => void;
  },
): TemplateServices {
  const { store, clock, ids, publisher } = deps;
  const templates = new TemplatesService({
    store,
    clock,
    ids,
    publisher,
    updateSettings: session.updateSettings,
    changed: session.rowsChanged,
  });
  const templateSync = new TemplateSyncService({
    store,
    clock,
    ids,
    source: () => deps.templateSource ?? null,
    changed: () => {
      publisher.publish('templates:changed', { templates: templates.list() });
      session.rowsChanged();
    },
    statusChanged: (template) =>
      templateSubmission.notify(template, template.status, template.platformNote ?? null),
  });
  const templateSubmission = templateSubmissionFor(
    deps,
    { templates, reminders: session.reminders },
    session.rowsChanged,
  );
  return { templates, templateSync, templateSubmission };
}

import { AppError } from '../contract/errors';
import type { Settings, Template, TemplateDraft } from '../contract/model';
import { keptOnEdit } from '../domain/templates/edit-keeps';
import { validateTemplateDraft } from '../domain/templates/template-draft';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Clock, Publisher } from './ports';

export interface TemplatesDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  publisher: Publisher;
  /** Changes settings the way the settings screen does (validated, pushed). */
  updateSettings: (patch: Partial<Settings>) => Promise<Settings>;
  /** After a template changed: which follow-ups are ready may have changed with it. */
  changed?: () => void;
}

const byNameThenLanguage = (a: Template, b: Template): number =>
  a.name.localeCompare(b.name, 'en') || a.language.localeCompare(b.language, 'en');

/** The template library: the owner's local copies of their WhatsApp templates, validated on save. */
export class TemplatesService {
  constructor(private readonly deps: TemplatesDeps) {}

  list(): Template[] {
    return [...this.deps.store.templates()].sort(byNameThenLanguage);
  }

  /** Every custom field key some contact has: what a placeholder may be mapped to besides the built-ins. */
  knownFields(): Set<string> {
    const keys = new Set<string>();
    for (const contact of this.deps.store.contacts())
      for (const key of Object.keys(contact.fields)) keys.add(key);
    return keys;
  }

  /** Creates (no id) or replaces a template; refused with the exact position or field when invalid. */
  async save(draft: TemplateDraft, id?: string): Promise<Template> {
    const { store, clock } = this.deps;
    const existing = id === undefined ? undefined : store.template(id);
    if (id !== undefined && !existing) throw notFound();
    const result = validateTemplateDraft(draft, {
      knownFields: this.knownFields(),
      others: store.templates().filter((t) => t.id !== id),
    });
    if (!result.ok) {
      const messages = Object.values(result.errors);
      throw new AppError({
        code: 'invalid-input',
        message: messages.length === 1 && messages[0] ? messages[0] : 'Some fields need your attention.',
        fields: result.errors,
      });
    }
    const now = clock.now();
    const template: Template = {
      id: existing?.id ?? this.deps.ids(),
      ...result.template,
      ...(existing ? keptOnEdit(existing, result.template) : {}),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (existing?.source === 'platform') {
      // Its status comes from WhatsApp (template sync), never from the form: "approved" by hand would
      // let a paused or rejected template be sent.
      template.status = existing.status;
      template.source = 'platform';
      if (existing.quality !== undefined) template.quality = existing.quality;
      if (existing.platformNote !== undefined) template.platformNote = existing.platformNote;
    }
    await store.saveTemplate(template);
    this.publish();
    return template;
  }

  /** Removes a template; it stops being the default. Messages already sent with it keep its name. */
  async remove(id: string): Promise<void> {
    const { store } = this.deps;
    if (!store.template(id)) throw notFound();
    await store.removeTemplate(id);
    if (store.settings().defaultTemplateId === id)
      await this.deps.updateSettings({ defaultTemplateId: null });
    this.publish();
  }

  private publish(): void {
    this.deps.publisher.publish('templates:changed', { templates: this.list() });
    this.deps.changed?.();
  }
}

function notFound(): AppError {
  return new AppError({
    code: 'not-found',
    message: 'This template no longer exists. It may have been removed; reload the list.',
  });
}

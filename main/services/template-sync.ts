import { AppError } from '../contract/errors';
import type { Template, TemplateStatus, TemplateSyncSummary } from '../contract/model';
import {
  fromRemote,
  keptMapping,
  type PlatformFields,
  type RemoteTemplate,
} from '../domain/templates/remote-template';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Clock } from './ports';

/**
 * Where the account's templates come from: the Cloud API provider's `fetchTemplates` when an account is
 * connected (structurally this port), a list in tests.
 */
export interface TemplateSource {
  fetchTemplates(): Promise<
    { ok: true; templates: RemoteTemplate[]; skipped: number } | { ok: false; reason: string }
  >;
}

export interface TemplateSyncDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  /** The connected account's templates; null when no account is connected. */
  source: () => TemplateSource | null;
  /** The library changed: pushed to the renderer. */
  changed: () => void;
  /** A template's status changed on the platform: the owner is told (template-submission.ts's words). */
  statusChanged?: (template: Template, from: TemplateStatus) => void;
}

const key = (t: { name: string; language: string }) => `${t.name}\u0000${t.language}`;

/**
 * Brings the account's templates into the library. A template is the same one when its name and language
 * match (the platform's identity of a template): its text, category and status come from the platform,
 * while its id (what messages and settings point at) and the owner's placeholder mappings stay. A
 * platform template no longer on the account is kept, disabled, so it can no longer be sent.
 */
export class TemplateSyncService {
  private running: Promise<TemplateSyncSummary> | null = null;

  constructor(private readonly deps: TemplateSyncDeps) {}

  /** One sync at a time: a second call while one runs gets the same result. */
  sync(): Promise<TemplateSyncSummary> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<TemplateSyncSummary> {
    const source = this.deps.source();
    if (!source)
      throw new AppError({
        code: 'not-found',
        message:
          'No WhatsApp account is connected, so there are no templates to fetch. Connect WhatsApp first; until then templates are added here by hand.',
      });
    const fetched = await source.fetchTemplates();
    if (!fetched.ok)
      throw new AppError({
        code: 'send-failed',
        message: `CareWindow could not fetch your templates from WhatsApp: ${fetched.reason}. Nothing in your library was changed; try again.`,
      });

    const { store, clock } = this.deps;
    const now = clock.now();
    const local = new Map(store.templates().map((t) => [key(t), t]));
    const seen = new Set<string>();
    const summary: Omit<TemplateSyncSummary, 'text'> = {
      added: [],
      changed: [],
      removed: [],
      unchanged: 0,
      skipped: fetched.skipped,
    };
    for (const remote of fetched.templates) {
      const converted = fromRemote(remote);
      if (!converted.ok || seen.has(key(remote))) {
        summary.skipped++;
        continue;
      }
      seen.add(key(remote));
      const existing = local.get(key(remote));
      const next = this.merged(existing, converted.fields, now);
      if (existing && same(existing, next)) {
        summary.unchanged++;
        continue;
      }
      await store.saveTemplate(next);
      if (!existing) summary.added.push(next.name);
      else if (existing.status !== next.status) {
        summary.changed.push(change(next, existing.status));
        this.deps.statusChanged?.(next, existing.status);
      } else summary.unchanged++;
    }
    for (const template of local.values()) {
      if (template.source !== 'platform' || seen.has(key(template)) || template.status === 'disabled')
        continue;
      await store.saveTemplate({
        ...template,
        status: 'disabled',
        platformNote: 'No longer on your WhatsApp account.',
        updatedAt: now,
      });
      summary.removed.push(template.name);
    }
    if (summary.added.length + summary.changed.length + summary.removed.length > 0) this.deps.changed();
    return { ...summary, text: describe(summary) };
  }

  private merged(existing: Template | undefined, fields: PlatformFields, now: number): Template {
    return {
      id: existing?.id ?? this.deps.ids(),
      ...fields,
      mapping: existing ? keptMapping(existing.mapping, fields.body) : {},
      // What CareWindow learnt when it submitted the template (its id, sample, button kinds, examples).
      ...(existing ? submittedParts(existing) : {}),
      source: 'platform',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
  }
}

function submittedParts(t: Template): Partial<Template> {
  const parts: Partial<Template> = {};
  if (t.remoteId !== undefined) parts.remoteId = t.remoteId;
  if (t.submittedAt !== undefined) parts.submittedAt = t.submittedAt;
  if (t.headerMedia !== undefined) parts.headerMedia = t.headerMedia;
  if (t.buttonSpecs !== undefined) parts.buttonSpecs = t.buttonSpecs;
  if (t.examples !== undefined) parts.examples = t.examples;
  return parts;
}

const COMPARED = [
  'category',
  'status',
  'body',
  'header',
  'footer',
  'source',
  'quality',
  'platformNote',
] as const satisfies readonly (keyof Template)[];

/** Whether a sync would change nothing the owner can see (the same fields, the same mappings). */
function same(a: Template, b: Template): boolean {
  return (
    COMPARED.every((field) => (a[field] ?? null) === (b[field] ?? null)) &&
    a.buttons.join('\u0000') === b.buttons.join('\u0000') &&
    sameMapping(a.mapping, b.mapping)
  );
}

function sameMapping(a: Template['mapping'], b: Template['mapping']): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))
  );
}

function change(t: Template, from: TemplateStatus) {
  return { name: t.name, language: t.language, from, to: t.status };
}

/** "2 changed: order_ready paused, welcome approved · 1 new" — what the owner reads after a sync. */
export function describe(s: Omit<TemplateSyncSummary, 'text'>): string {
  const parts: string[] = [];
  if (s.changed.length > 0)
    parts.push(
      `${String(s.changed.length)} changed: ${s.changed.map((c) => `${c.name} ${c.to}`).join(', ')}`,
    );
  if (s.added.length > 0) parts.push(`${String(s.added.length)} new: ${s.added.join(', ')}`);
  if (s.removed.length > 0)
    parts.push(`${String(s.removed.length)} no longer on WhatsApp: ${s.removed.join(', ')}`);
  if (s.skipped > 0) parts.push(`${String(s.skipped)} could not be read`);
  return parts.length === 0 ? 'Your templates are up to date.' : parts.join(' · ');
}

import type {
  PlaceholderSource,
  Template,
  TemplateCategory,
  TemplateDraft,
  TemplateStatus,
} from '../../../../main/contract/model';
import { BUILTIN_FIELDS, isBuiltinField, type BuiltinField } from '../../../../main/domain/templates/fill';
import { checkBody } from '../../../../main/domain/templates/template-draft';

/** Where a placeholder's value comes from, as the form offers it. */
export type MappingChoice = BuiltinField | 'custom' | 'fixed';

export interface MappingRow {
  choice: MappingChoice;
  /** The custom field's key, for "custom". */
  custom: string;
  /** The text, for "fixed". */
  fixed: string;
}

/** A placeholder the form offers a mapping row for. */
export interface FormPlaceholder {
  /** What the mapping is keyed by, as the main process keys it: "ticket_ID", "1". */
  key: string;
  /** As written in the body: "{ticket_ID}", "{{1}}". */
  label: string;
}

export interface BodyReading {
  /** Each placeholder once, in order of first appearance; none when the body cannot be read. */
  placeholders: FormPlaceholder[];
  /** The main process's refusal of this body, word for word; null when it would accept it. */
  problem: string | null;
}

/**
 * The body as the main process reads it (the domain's own check, not a look-alike), so the form never
 * offers mapping rows for a body that saving would refuse. A blank body is not called out while typing.
 */
export function readBody(body: string): BodyReading {
  const checked = checkBody(body);
  const seen = new Map<string, FormPlaceholder>();
  for (const p of checked.placeholders ?? []) {
    if (!seen.has(p.key)) seen.set(p.key, { key: p.key, label: p.raw });
  }
  return { placeholders: [...seen.values()], problem: body.trim() === '' ? null : checked.problem };
}

export interface TemplateForm {
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  body: string;
  header: string;
  footer: string;
  buttons: readonly string[];
  /** Kept for placeholders that left the body too, so retyping one brings its mapping back. */
  mapping: Readonly<Record<string, MappingRow>>;
}

const FIELD_LABEL: Record<BuiltinField, string> = { name: 'Name', first_name: 'First name', phone: 'Phone' };

export const MAPPING_CHOICES: ReadonlyArray<{ value: MappingChoice; label: string }> = [
  ...BUILTIN_FIELDS.map((field) => ({ value: field, label: FIELD_LABEL[field] })),
  { value: 'custom', label: 'Custom field' },
  { value: 'fixed', label: 'Fixed text' },
];

function rowOf(source: PlaceholderSource): MappingRow {
  if (source.kind === 'fixed') return { choice: 'fixed', custom: '', fixed: source.value };
  return isBuiltinField(source.field)
    ? { choice: source.field, custom: '', fixed: '' }
    : { choice: 'custom', custom: source.field, fixed: '' };
}

/**
 * A first guess for a placeholder the owner has not mapped yet: {name} → the name, {ticket_ID} → the
 * custom field ticket_ID, {{1}} → the name (the platform's first variable is nearly always the
 * customer's name), other numbers → a custom field still to be named.
 */
function guessedRow(key: string): MappingRow {
  if (/^\d+$/.test(key)) return rowOf({ kind: 'field', field: key === '1' ? 'name' : '' });
  return rowOf({ kind: 'field', field: key });
}

function sourceOf(row: MappingRow): PlaceholderSource {
  switch (row.choice) {
    case 'fixed':
      return { kind: 'fixed', value: row.fixed };
    case 'custom':
      return { kind: 'field', field: row.custom.trim() };
    default:
      return { kind: 'field', field: row.choice };
  }
}

export function formOf(template: Template | null): TemplateForm {
  if (template === null) {
    return {
      name: '',
      language: 'en',
      category: 'utility',
      status: 'approved',
      body: '',
      header: '',
      footer: '',
      buttons: [],
      mapping: {},
    };
  }
  return {
    name: template.name,
    language: template.language,
    category: template.category,
    status: template.status,
    body: template.body,
    header: template.header ?? '',
    footer: template.footer ?? '',
    buttons: template.buttons,
    mapping: Object.fromEntries(
      Object.entries(template.mapping).map(([key, source]) => [key, rowOf(source)]),
    ),
  };
}

/** The mapping row of a placeholder: the one the owner set, or a first guess. */
export function mappingRow(form: TemplateForm, key: string): MappingRow {
  return form.mapping[key] ?? guessedRow(key);
}

export function draftOf(form: TemplateForm): TemplateDraft {
  const mapping: Record<string, PlaceholderSource> = {};
  for (const { key } of readBody(form.body).placeholders) {
    mapping[key] = sourceOf(mappingRow(form, key));
  }
  return {
    name: form.name.trim(),
    language: form.language.trim(),
    category: form.category,
    status: form.status,
    body: form.body,
    header: form.header.trim() === '' ? null : form.header,
    footer: form.footer.trim() === '' ? null : form.footer,
    buttons: [...form.buttons],
    mapping,
  };
}

/** What the form can tell before asking the main process: a custom field without a name. */
export function localErrors(form: TemplateForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { key, label } of readBody(form.body).placeholders) {
    const row = mappingRow(form, key);
    if (row.choice === 'custom' && row.custom.trim() === '') {
      errors[`mapping.${key}`] = `Name the contact field that fills ${label}, for example ticket_ID.`;
    }
  }
  return errors;
}

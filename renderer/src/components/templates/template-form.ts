import type {
  PlaceholderSource,
  Template,
  TemplateCategory,
  TemplateDraft,
  TemplateStatus,
} from '../../../../main/contract/model';
import { BUILT_IN_FIELDS, findPlaceholders, guessSource, placeholderLabel } from '../../format/placeholders';

/** Where a placeholder's value comes from, as the form offers it. */
export type MappingChoice = 'name' | 'first_name' | 'phone' | 'custom' | 'fixed';

export interface MappingRow {
  choice: MappingChoice;
  /** The custom field's key, for "custom". */
  custom: string;
  /** The text, for "fixed". */
  fixed: string;
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

export const MAPPING_CHOICES: ReadonlyArray<{ value: MappingChoice; label: string }> = [
  ...BUILT_IN_FIELDS.map((f) => ({ value: f.field as MappingChoice, label: f.label })),
  { value: 'custom', label: 'Custom field' },
  { value: 'fixed', label: 'Fixed text' },
];

function rowOf(source: PlaceholderSource): MappingRow {
  if (source.kind === 'fixed') return { choice: 'fixed', custom: '', fixed: source.value };
  const builtIn = BUILT_IN_FIELDS.find((f) => f.field === source.field);
  return builtIn
    ? { choice: builtIn.field as MappingChoice, custom: '', fixed: '' }
    : { choice: 'custom', custom: source.field, fixed: '' };
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
export function mappingRow(form: TemplateForm, placeholder: string): MappingRow {
  return form.mapping[placeholder] ?? rowOf(guessSource(placeholder));
}

export function draftOf(form: TemplateForm): TemplateDraft {
  const mapping: Record<string, PlaceholderSource> = {};
  for (const placeholder of findPlaceholders(form.body)) {
    mapping[placeholder] = sourceOf(mappingRow(form, placeholder));
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
  for (const placeholder of findPlaceholders(form.body)) {
    const row = mappingRow(form, placeholder);
    if (row.choice === 'custom' && row.custom.trim() === '') {
      errors[`mapping.${placeholder}`] =
        `Name the contact field that fills ${placeholderLabel(placeholder)}, for example ticket_ID.`;
    }
  }
  return errors;
}

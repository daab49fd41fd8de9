import type { CareWindowApi } from '../../../../main/contract/ipc';
import type {
  StagedSample,
  TemplateButtonSpec,
  TemplateCategory,
  TemplateHeaderFormat,
  TemplateSubmissionInput,
} from '../../../../main/contract/model';
import { checkSubmission } from '../../../../main/domain/templates/submission-rules';
import {
  fillPlaceholders,
  previewOfSpec,
  type TemplatePreviewModel,
} from '../../../../main/domain/templates/template-preview';
import { TemplateSubmissionDraft } from '../../../../main/contract/model';
import { draftOf, formOf, readBody, type MappingRow } from './template-form';

/** What the "New template for approval" form holds while the owner types. */
export interface SubmitForm {
  name: string;
  language: string;
  category: TemplateCategory;
  body: string;
  examples: Readonly<Record<string, string>>;
  headerFormat: TemplateHeaderFormat;
  headerText: string;
  headerExample: string;
  headerSample: StagedSample | null;
  footer: string;
  buttons: readonly TemplateButtonSpec[];
  mapping: Readonly<Record<string, MappingRow>>;
}

export const emptySubmitForm = (): SubmitForm => ({
  name: '',
  language: 'en',
  category: 'utility',
  body: '',
  examples: {},
  headerFormat: 'none',
  headerText: '',
  headerExample: '',
  headerSample: null,
  footer: '',
  buttons: [],
  mapping: {},
});

/** The form as the main process receives it; each placeholder's source as the library form builds it. */
export function submissionOf(form: SubmitForm): TemplateSubmissionInput {
  const { mapping } = draftOf({ ...formOf(null), body: form.body, mapping: form.mapping });
  return {
    name: form.name.trim(),
    language: form.language.trim(),
    category: form.category,
    body: form.body,
    examples: { ...form.examples },
    headerFormat: form.headerFormat,
    headerText: form.headerText,
    headerExample: form.headerExample,
    headerSample: form.headerSample,
    footer: form.footer,
    buttons: [...form.buttons],
    mapping,
  };
}

/** The platform's rules on this form (the same pure check main runs): field → message. */
export function ruleErrors(form: SubmitForm): Record<string, string> {
  const result = checkSubmission(TemplateSubmissionDraft.parse(submissionOf(form)));
  return result.ok ? {} : result.errors;
}

/** The preview: exact when the form passes the rules, else the typed text with the examples filled in. */
export function previewOf(form: SubmitForm): TemplatePreviewModel {
  const checked = checkSubmission(TemplateSubmissionDraft.parse(submissionOf(form)));
  if (checked.ok) return previewOfSpec(checked.spec, form.headerSample?.fileName ?? null);
  const headerKind = form.headerFormat;
  return {
    header:
      headerKind === 'none'
        ? null
        : headerKind === 'text'
          ? { kind: 'text', text: form.headerText }
          : { kind: headerKind, fileName: form.headerSample?.fileName ?? null },
    body: fillPlaceholders(form.body, form.examples) || 'Your message appears here.',
    footer: form.footer.trim() === '' ? null : form.footer,
    buttons: form.buttons.map((b) => ({ type: b.type, text: b.text, detail: '' })),
  };
}

/** The body's placeholders, each once, for the example and mapping rows. */
export function placeholdersOf(form: SubmitForm) {
  return readBody(form.body).placeholders;
}

const CHUNK = 512 * 1024;

/** Sends a chosen sample file to main in pieces; resolves with it complete. */
export async function uploadSample(api: CareWindowApi, file: File): Promise<StagedSample> {
  let staged = await api.templates.stageSample({ fileName: file.name, mimeType: file.type, size: file.size });
  const bytes = new Uint8Array(await file.arrayBuffer());
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    staged = await api.templates.sampleChunk({
      sampleId: staged.sampleId,
      offset,
      data: toBase64(bytes.subarray(offset, offset + CHUNK)),
    });
  }
  return staged;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

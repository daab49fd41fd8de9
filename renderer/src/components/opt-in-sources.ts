import type { OptInSource } from '../../../main/contract/model';

/** Where a customer agreed to receive templates, in the owner's words. */
export const OPT_IN_SOURCES: ReadonlyArray<{ value: OptInSource; label: string }> = [
  { value: 'in-store', label: 'In the shop' },
  { value: 'website', label: 'Website' },
  { value: 'whatsapp', label: 'WhatsApp message' },
  { value: 'imported', label: 'Imported list' },
  { value: 'other', label: 'Other' },
];

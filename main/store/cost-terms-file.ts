import type { Low } from 'lowdb';
import { z } from 'zod';
import { CostTerms } from '../contract/costs';
import type { JsonFileKind } from './json-file-kind';
import { SavedInMemory } from './saved-in-memory';

export const CostTermsFile = z.object({
  schemaVersion: z.number().int().positive(),
  terms: CostTerms,
});
export type CostTermsFile = z.infer<typeof CostTermsFile>;

export const COST_TERMS_FILE: JsonFileKind<CostTermsFile> = {
  fileName: 'rate-card.json',
  label: 'Your rate card',
  version: 1,
  migrations: {},
  schema: CostTermsFile,
  defaults: () => ({ schemaVersion: 1, terms: { rateCard: null, allowancePerMonth: null } }),
  describe: (data) =>
    data.terms.rateCard === null
      ? 'no rate card'
      : `a rate card in ${data.terms.rateCard.currency} for ${data.terms.rateCard.markets.length} markets`,
  emptyRecovery:
    'CareWindow started without your rate card, so no prices are estimated. Import it again in the settings; your contacts and messages are untouched.',
  backup: true,
};

/**
 * The owner's price terms (rate-card.json): held in memory, saved whole, one save at a time. Memory
 * changes only after the file is safely written, so a failed save leaves both as they were.
 */
export class CostTermsShelf {
  private readonly file: SavedInMemory<CostTermsFile>;

  constructor(low: Low<CostTermsFile>) {
    this.file = new SavedInMemory(low);
  }

  get(): CostTerms {
    return this.file.data.terms;
  }

  /** `valid` must already match CostTerms: one invalid record would make the file unreadable. */
  save(valid: CostTerms): Promise<void> {
    return this.file.change((data) => ({ ...data, terms: valid }));
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}

import type { CostTerms, RateCardImport } from '../contract/costs';
import { AppError } from '../contract/errors';
import { readRateCard } from '../domain/pricing/rate-card-import';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Clock, Publisher } from './ports';

export interface CostsDeps {
  store: Pick<WorkspaceStore, 'costTerms' | 'saveCostTerms'>;
  clock: Clock;
  publisher: Publisher;
}

/** The owner's price terms: the rate card (imported from Meta's CSV) and the package allowance. */
export class CostsService {
  constructor(private readonly deps: CostsDeps) {}

  terms(): CostTerms {
    return this.deps.store.costTerms();
  }

  /** Reads a rate card CSV and saves it; a file with any unreadable price is refused whole, with its lines. */
  async importRateCard(csv: string): Promise<RateCardImport> {
    const reading = readRateCard(csv, this.deps.clock.now());
    if (!reading.ok) {
      throw new AppError({
        code: 'invalid-input',
        message: `The rate card was not imported. ${reading.errors.join(' ')}`,
      });
    }
    const terms = await this.save({ ...this.terms(), rateCard: reading.rateCard });
    return { terms, notes: reading.notes };
  }

  clearRateCard(): Promise<CostTerms> {
    return this.save({ ...this.terms(), rateCard: null });
  }

  setAllowance(allowancePerMonth: number | null): Promise<CostTerms> {
    return this.save({ ...this.terms(), allowancePerMonth });
  }

  private async save(terms: CostTerms): Promise<CostTerms> {
    await this.deps.store.saveCostTerms(terms);
    this.deps.publisher.publish('costs:changed', terms);
    return terms;
  }
}

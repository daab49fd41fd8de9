import type { MonthCosts } from '../contract/month-costs';
import { monthCosts, monthRange } from '../domain/pricing/month-costs';
import { systemTimeZone } from '../domain/zoned-time';
import type { WorkspaceStore } from '../store/workspace-store';

export interface MonthCostsDeps {
  store: Pick<WorkspaceStore, 'sendsBetween' | 'costTerms' | 'templates' | 'settings'>;
  /** The computer's time zone; the owner's setting wins when there is one. */
  systemTimeZone?: string;
}

/**
 * The Costs view's month: the sends of that month in the owner's time zone, read from the sends ledger
 * (one small file, not every history), priced by the owner's terms in the domain.
 */
export class MonthCostsService {
  constructor(private readonly deps: MonthCostsDeps) {}

  async month(yearMonth: string): Promise<MonthCosts> {
    const { store } = this.deps;
    const timeZone = store.settings().timeZone ?? this.deps.systemTimeZone ?? systemTimeZone();
    const range = monthRange(yearMonth, timeZone);
    const templates = store.templates();
    // A send recorded before its template was in the library (the demo's seed) takes its category now.
    const sends = (await store.sendsBetween(range.from, range.to)).map((send) =>
      send.kind === 'template' && send.templateCategory === null
        ? {
            ...send,
            templateCategory: templates.find((t) => t.name === send.templateName)?.category ?? null,
          }
        : send,
    );
    const terms = store.costTerms();
    return monthCosts({
      yearMonth,
      timeZone,
      sends,
      rateCard: terms.rateCard,
      allowancePerMonth: terms.allowancePerMonth,
      hasApprovedUtility: templates.some((t) => t.category === 'utility' && t.status === 'approved'),
    });
  }
}

import { useEffect, useState } from 'react';
import type { CostTerms } from '../../../main/contract/costs';
import { useApi } from './context';

/**
 * The owner's rate card and package allowance, kept current by `costs:changed`. Null until the main
 * process answers (or when it cannot): cost lines then show the category and "charged", never a number.
 */
export function useCostTerms(): CostTerms | null {
  const api = useApi();
  const [terms, setTerms] = useState<CostTerms | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on('costs:changed', (next) => {
      setTerms(next);
    });
    api.costs.terms().then(
      (next) => {
        if (live) setTerms(next);
      },
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return terms;
}

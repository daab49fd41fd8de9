import type { z } from 'zod';

/** One call of the IPC contract: its argument tuple and result, the schemas main checks them against. */
export const call = <A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) => ({ args, result });

import { z } from 'zod';

/** Milliseconds since the epoch, bounded to years a shop could plausibly have data for (2000–2100). */
export const Timestamp = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), 'Dates before the year 2000 are not accepted.')
  .max(Date.UTC(2100, 0, 1), 'Dates after the year 2100 are not accepted.');
export type Timestamp = z.infer<typeof Timestamp>;

export const Id = z.string().min(1).max(100);

/**
 * A record whose size is checked before its entries are: zod validates every entry before a refine
 * could say no, and 200,000 keys cost the main process half a second for a request refused anyway.
 */
export function withAtMostKeys<S extends z.ZodType>(schema: S, max: number, message: string) {
  return z.preprocess<unknown, S, z.input<S>>((input, context) => {
    if (typeof input === 'object' && input !== null) {
      let count = 0;
      for (const key in input) {
        if (!Object.hasOwn(input, key)) continue;
        if (++count > max) {
          context.addIssue({ code: 'custom', message, input });
          break;
        }
      }
    }
    return input;
  }, schema);
}

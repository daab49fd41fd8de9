export { DAY, HOUR, MINUTE, SECOND } from '../support/in-process-host';

/** Wednesday 26 November 2025, 14:00 in Amsterdam (13:00 UTC): "now" in every renderer test. */
export const T0 = Date.UTC(2025, 10, 26, 13, 0, 0);

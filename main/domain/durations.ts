/** Durations in milliseconds. Window arithmetic is exact elapsed time, never calendar time. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The platform's customer care window: 24 hours after the customer's last inbound message. */
export const CARE_WINDOW = DAY;

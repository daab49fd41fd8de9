/**
 * Since 1 April 2025 WhatsApp does not deliver marketing templates to US numbers (+1 with a US area
 * code: not Canada, not the Caribbean); the send fails with the per-user marketing limit error (131049,
 * USER_MARKETING_TEMPLATE_LIMIT) and is not charged. Sources: Meta, "Per-user marketing template message
 * limits" (developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates); Zoho,
 * "What is the pause on WhatsApp marketing messages for US numbers" (help.zoho.com, read 2026):
 * "if you send a marketing template to a US number, it will fail, no credits will be deducted".
 * When Meta lifts the pause, set `until`.
 */
export const US_MARKETING_PAUSE = {
  from: Date.UTC(2025, 3, 1),
  until: null as number | null,
  regions: ['US'] as readonly string[],
};

/** Whether WhatsApp refuses a marketing template to a number of this country at `at`. */
export function marketingPausedFor(region: string | null, at: number): boolean {
  const { from, until, regions } = US_MARKETING_PAUSE;
  return region !== null && regions.includes(region) && at >= from && (until === null || at < until);
}

/** What the preview says instead of sending, and the fix. */
export function marketingPausedMessage(who: string): string {
  return (
    `WhatsApp does not deliver marketing templates to US numbers like ${who}’s (since 1 April 2025): ` +
    `it would fail and not be charged. Choose a utility template instead.`
  );
}

/**
 * A contact row's accessible name without the message preview it ends with: "Maria Jansen, Closing,
 * closes in 8 min", what the countdown and order tests compare. The full name (with the preview, as
 * the row shows it) is checked in rough-edges.test.tsx.
 */
export function rowStatus(option: HTMLElement): string {
  const label = option.getAttribute('aria-label') ?? '';
  const preview = option.querySelector('.row-snippet bdi')?.textContent ?? '';
  return preview === '' ? label : label.replace(`, ${preview}`, '');
}

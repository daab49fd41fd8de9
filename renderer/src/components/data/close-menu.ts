import type { MouseEvent } from 'react';

/**
 * A <details> menu stays open after one of its buttons is pressed; close it once a choice is made, as any
 * menu does. Put on the element that holds the menu's buttons: their clicks bubble to it.
 */
export function closeMenuOnChoice(event: MouseEvent<HTMLElement>): void {
  if (!(event.target instanceof Element) || event.target.closest('button') === null) return;
  event.currentTarget.closest('details')?.removeAttribute('open');
}

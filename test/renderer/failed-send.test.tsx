import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HOUR, T0 } from './moments';
import { openContact, renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

describe('a send WhatsApp refused', () => {
  it('is shown as failed, once, with its reason: in the bubble and in the list preview', async () => {
    const host = await startHost();
    const sanne = await addContact(host, { name: 'Sanne de Vries', phone: '+31612345678' });
    await customerWrites(host, '+31612345678', T0 - 2 * HOUR, 'Is my order ready?');
    host.simulator.refuseNext('the number is not on WhatsApp');
    await expect(host.handlers.conversation.sendText(sanne, 'Hoi Sanne, it is ready.')).rejects.toThrow(
      'Not sent: the number is not on WhatsApp.',
    );

    const { user } = await renderApp(host);
    // The list does not say "You: …" as if it went out.
    const snippet = screen.getByText('⚠ Not sent: Hoi Sanne, it is ready.');
    // The reason is the preview's tooltip: on the whole preview (scheduled time, labels and text), so
    // the text found here is inside the element that carries it.
    expect(snippet.closest('.row-snippet')?.getAttribute('title')).toBe('the number is not on WhatsApp');
    expect(screen.queryByText(/^You: Hoi Sanne/)).toBeNull();

    const log = await openContact(user, 'Sanne de Vries');
    await within(log).findByText('Hoi Sanne, it is ready.');
    const bubble = within(log).getByText('Hoi Sanne, it is ready.').closest('.bubble');
    expect(bubble?.classList.contains('failed')).toBe(true);
    expect(within(log).getByRole('img', { name: 'Not sent' })).toBeTruthy();
    expect(log.textContent.match(/Not sent/g)).toHaveLength(1);
    expect(log.textContent).toContain('Not sent: the number is not on WhatsApp.');
  });
});

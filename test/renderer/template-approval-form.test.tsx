import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';
import { startShop } from './shop-fixtures';

/** The "New template for approval" form on the real handlers: the rules' field errors and the preview. */
async function openForm() {
  const { host } = await startShop();
  const view = await renderApp(host);
  await view.user.click(screen.getByRole('button', { name: 'Templates' }));
  const region = screen.getByRole('region', { name: 'Templates' });
  await view.user.click(within(region).getByRole('button', { name: 'New template for approval' }));
  const form = within(region).getByRole('form', { name: 'New template for approval' });
  return { ...view, host, form };
}

describe('the New template for approval form', () => {
  it('names each broken rule at its field before anything is submitted', async () => {
    const { user, form, host } = await openForm();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Order Ready');
    const body = within(form).getByRole('textbox', { name: 'Text' });
    await user.click(body);
    await user.paste('{{first_name}}, your order is ready.');
    await user.type(within(form).getByRole('textbox', { name: 'Footer (optional)' }), 'x'.repeat(61));
    await user.click(within(form).getByRole('button', { name: 'Add quick reply button' }));
    await user.click(within(form).getByRole('button', { name: 'Submit for approval' }));

    const described = (name: string) => {
      const input = within(form).getByRole('textbox', { name });
      expect(input.getAttribute('aria-invalid')).toBe('true');
      return document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
    };
    expect(described('Name')).toMatch(/only lowercase letters, digits and _/);
    expect(described('Text')).toMatch(/cannot start with a placeholder/);
    expect(described('Footer (optional)')).toMatch(/61 characters; WhatsApp allows 60/);
    expect(described('Label')).toMatch(/Button 1 needs a label/);
    expect(host.callsTo('templates.submit')).toEqual([]);

    // Fixing the body clears its error as the owner types.
    await user.clear(body);
    await user.click(body);
    await user.paste('Hi {{first_name}}, your order is ready.');
    expect(within(form).getByRole('textbox', { name: 'Text' }).getAttribute('aria-invalid')).toBeNull();
    // ...and the next rule speaks: every placeholder needs an example for the reviewers.
    expect(described('Example for {{first_name}}')).toMatch(/Give an example for \{\{first_name\}\}/);
  });

  it('previews the message as the customer will see it: header, filled text, footer and buttons', async () => {
    const { user, form } = await openForm();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Header' }), 'Text');
    await user.type(within(form).getByRole('textbox', { name: 'Header text' }), 'Your order');
    const body = within(form).getByRole('textbox', { name: 'Text' });
    await user.click(body);
    await user.paste('Hi {{first_name}}, order {{order_id}} is ready.');
    await user.type(within(form).getByRole('textbox', { name: 'Example for {{first_name}}' }), 'Ann');
    await user.type(within(form).getByRole('textbox', { name: 'Example for {{order_id}}' }), 'A-1042');
    await user.type(within(form).getByRole('textbox', { name: 'Footer (optional)' }), 'De Winkel');
    await user.click(within(form).getByRole('button', { name: 'Add link button' }));
    await user.type(within(form).getByRole('textbox', { name: 'Label' }), 'Track');

    const preview = within(form).getByRole('figure', { name: 'Preview of the new template' });
    expect(within(preview).getByText('Your order')).toBeTruthy();
    expect(within(preview).getByText('Hi Ann, order A-1042 is ready.')).toBeTruthy();
    expect(within(preview).getByText('De Winkel')).toBeTruthy();
    expect(within(preview).getByRole('list', { name: 'Buttons the customer sees' }).textContent).toBe(
      'Track ↗',
    );
  });

  it('shows the refusal when no WhatsApp account is connected', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'order_ready');
    const body = within(form).getByRole('textbox', { name: 'Text' });
    await user.click(body);
    await user.paste('Hi {{first_name}}, your order is ready.');
    await user.type(within(form).getByRole('textbox', { name: 'Example for {{first_name}}' }), 'Ann');
    await user.click(within(form).getByRole('button', { name: 'Submit for approval' }));
    expect(await within(form).findByText(/Connect your WhatsApp number first/)).toBeTruthy();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './fake-api';
import { emit, renderApp } from './render-app';
import { shopBridge, shopTemplates } from './shop-fixtures';

async function openTemplates(fake = shopBridge()) {
  const view = await renderApp(fake);
  await view.user.click(screen.getByRole('button', { name: 'Templates' }));
  const region = screen.getByRole('region', { name: 'Templates' });
  return { ...view, region };
}

describe('the Templates screen', () => {
  it('lists each template with language, category and status', async () => {
    const { region } = await openTemplates();
    const table = within(region).getByRole('table', { name: 'Your templates' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['ticket_update', 'en_US', 'Utility', 'Approved', 'EditDelete'],
      ['spring_sale', 'en', 'Marketing', 'Approved', 'EditDelete'],
      ['draft_offer', 'nl', 'Utility', 'Pending review', 'EditDelete'],
    ]);
  });

  it('adds a template, finding its placeholders and saving how each is filled', async () => {
    const { user, region, fake } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: 'Add template' }));
    const form = within(region).getByRole('form', { name: 'New template' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'repair_ready');
    await user.clear(within(form).getByRole('textbox', { name: 'Language' }));
    await user.type(within(form).getByRole('textbox', { name: 'Language' }), 'nl');
    const body = within(form).getByRole('textbox', { name: 'Body' });
    await user.click(body);
    await user.paste('Hoi {{1}}, je reparatie {ticket_ID} is klaar. Groet, {shop}');
    expect(within(form).getByText('Placeholders found: {{1}}, {ticket_ID}, {shop}')).toBeTruthy();

    expect(within(form).getByRole('combobox', { name: 'Fill {{1}} with' })).toHaveProperty('value', 'name');
    expect(within(form).getByRole('combobox', { name: 'Fill {ticket_ID} with' })).toHaveProperty(
      'value',
      'custom',
    );
    expect(within(form).getByRole('textbox', { name: 'Custom field for {ticket_ID}' })).toHaveProperty(
      'value',
      'ticket_ID',
    );
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Fill {{1}} with' }), 'First name');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Fill {shop}' + ' with' }),
      'Fixed text',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Fixed text for {shop}' }), 'Fietsen Jan');
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    expect(fake.callsTo('templates.save')).toEqual([
      [
        {
          name: 'repair_ready',
          language: 'nl',
          category: 'utility',
          status: 'approved',
          body: 'Hoi {{1}}, je reparatie {ticket_ID} is klaar. Groet, {shop}',
          header: null,
          footer: null,
          buttons: [],
          mapping: {
            '1': { kind: 'field', field: 'first_name' },
            ticket_ID: { kind: 'field', field: 'ticket_ID' },
            shop: { kind: 'fixed', value: 'Fietsen Jan' },
          },
        },
      ],
    ]);
    expect(await within(region).findByText('Template repair_ready (nl) saved.')).toBeTruthy();
    expect(within(region).getByRole('rowheader', { name: 'repair_ready' })).toBeTruthy();
  });

  it('shows the main process’s field errors next to their inputs, and unknown ones at the top', async () => {
    const { user, region, fake } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: 'Edit ticket_update' }));
    const form = within(region).getByRole('form', { name: 'Edit ticket_update' });
    expect(within(form).getByRole('list', { name: 'Buttons' }).textContent).toContain('No thanks');
    fake.fail('templates.save', {
      code: 'invalid-input',
      message: 'Check the template.',
      fields: {
        body: 'Placeholder {ticket_ID} at position 38 has no mapping.',
        'mapping.ticket_ID': 'Choose where {ticket_ID} comes from.',
        language: 'Use a language code like en_US.',
        templateQuota: 'You can save at most 250 templates.',
      },
    });
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    const described = (element: HTMLElement) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' | ');
    const body = within(form).getByRole('textbox', { name: 'Body' });
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    expect(described(body)).toContain('Placeholder {ticket_ID} at position 38 has no mapping.');
    const mapping = within(form).getByRole('combobox', { name: 'Fill {ticket_ID} with' });
    expect(mapping.getAttribute('aria-invalid')).toBe('true');
    expect(described(mapping)).toBe('Choose where {ticket_ID} comes from.');
    const language = within(form).getByRole('textbox', { name: 'Language' });
    expect(described(language)).toBe('Use a language code like en_US.');
    const top = within(form).getByRole('alert');
    expect(top.textContent).toBe('Check the template.You can save at most 250 templates.');
    expect(fake.templates).toEqual(shopTemplates());
  });

  it('asks for a field name when a placeholder is filled from an unnamed custom field', async () => {
    const { user, region, fake } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: 'Edit ticket_update' }));
    const form = within(region).getByRole('form', { name: 'Edit ticket_update' });
    await user.clear(within(form).getByRole('textbox', { name: 'Custom field for {ticket_ID}' }));
    await user.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(
      within(form).getByText('Name the contact field that fills {ticket_ID}, for example ticket_ID.'),
    ).toBeTruthy();
    expect(fake.callsTo('templates.save')).toEqual([]);
  });

  it('deletes a template only after confirming', async () => {
    const { user, region, fake } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: 'Delete spring_sale' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete spring_sale?' })).getByRole('button', {
        name: 'Keep template',
      }),
    );
    expect(fake.callsTo('templates.remove')).toEqual([]);
    await user.click(within(region).getByRole('button', { name: 'Delete spring_sale' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete spring_sale?' })).getByRole('button', {
        name: 'Delete template',
      }),
    );
    expect(fake.callsTo('templates.remove')).toEqual([['t-sale']]);
    await waitFor(() => expect(within(region).queryByRole('rowheader', { name: 'spring_sale' })).toBeNull());
  });

  it('follows templates:changed, and shows nothing rather than failing when the list cannot load', async () => {
    const fake = new FakeBridge();
    fake.fail('templates.list', { code: 'internal', message: 'Templates are not ready yet.' });
    const { user, region } = await openTemplates(fake);
    expect(within(region).getByRole('alert').textContent).toContain('The templates could not be loaded.');
    emit(() => fake.emit('templates:changed', { templates: shopTemplates() }));
    expect(within(region).getByRole('rowheader', { name: 'draft_offer' })).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Close Templates' }));
    expect(screen.queryByRole('region', { name: 'Templates' })).toBeNull();
  });
});

describe('follow-up settings', () => {
  it('saves the default template and the opt-out keywords', async () => {
    const fake = shopBridge();
    const { user } = await renderApp(fake);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    const template = within(dialog).getByRole('combobox', { name: 'Default template for follow-ups' });
    expect(template).toHaveProperty('value', 't-ticket');
    expect(
      within(template).getByRole('option', { name: 'draft_offer (nl) — Pending review' }),
    ).toHaveProperty('disabled', true);
    await user.selectOptions(template, 'spring_sale (en)');
    const keywords = within(dialog).getByRole('textbox', { name: 'Opt-out keywords' });
    expect(keywords).toHaveProperty('value', 'STOP, STOPP, UNSUBSCRIBE, AFMELDEN');
    await user.clear(keywords);
    await user.type(keywords, 'STOP, stop mij ,, AFMELDEN');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('settings.update')[0]?.[0]).toMatchObject({
      defaultTemplateId: 't-sale',
      optOutKeywords: ['STOP', 'stop mij', 'AFMELDEN'],
    });
  });
});

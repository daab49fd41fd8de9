import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_OUT_KEYWORDS } from '../../main/domain/consent-keywords';
import { renderApp, settle } from './render-app';
import { draftOf, startShop, type Shop } from './shop-fixtures';

async function openTemplates(shop?: Shop) {
  const { host, templates } = shop ?? (await startShop());
  const view = { ...(await renderApp(host)), templates };
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
      ['draft_offer', 'nl', 'Utility', 'Pending review', 'EditDelete'],
      ['spring_sale', 'en', 'Marketing', 'Approved', 'EditDelete'],
      ['ticket_update', 'en_US', 'Utility', 'Approved', 'EditDelete'],
    ]);
  });

  it('adds a template, finding its placeholders and saving how each is filled', async () => {
    const { user, region, host } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: 'Add template' }));
    const form = within(region).getByRole('form', { name: 'New template' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'repair_ready');
    await user.clear(within(form).getByRole('textbox', { name: 'Language' }));
    await user.type(within(form).getByRole('textbox', { name: 'Language' }), 'nl');
    const body = within(form).getByRole('textbox', { name: 'Body' });
    await user.click(body);
    await user.paste('Hoi {name}, je reparatie {ticket_ID} is klaar. Groet, {shop}');
    expect(within(form).getByText('Placeholders found: {name}, {ticket_ID}, {shop}')).toBeTruthy();

    expect(within(form).getByRole('combobox', { name: 'Fill {name} with' })).toHaveProperty('value', 'name');
    expect(within(form).getByRole('combobox', { name: 'Fill {ticket_ID} with' })).toHaveProperty(
      'value',
      'custom',
    );
    expect(within(form).getByRole('textbox', { name: 'Custom field for {ticket_ID}' })).toHaveProperty(
      'value',
      'ticket_ID',
    );
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Fill {name} with' }), 'First name');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Fill {shop}' + ' with' }),
      'Fixed text',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Fixed text for {shop}' }), 'Fietsen Jan');
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    expect(host.callsTo('templates.save')).toEqual([
      [
        {
          name: 'repair_ready',
          language: 'nl',
          category: 'utility',
          status: 'approved',
          body: 'Hoi {name}, je reparatie {ticket_ID} is klaar. Groet, {shop}',
          header: null,
          footer: null,
          buttons: [],
          mapping: {
            name: { kind: 'field', field: 'first_name' },
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
    const { user, region, host } = await openTemplates();
    const before = await host.handlers.templates.list();
    await user.click(within(region).getByRole('button', { name: /^Edit ticket_update \(/ }));
    const form = within(region).getByRole('form', { name: 'Edit ticket_update' });
    expect(within(form).getByRole('list', { name: 'Buttons' }).textContent).toContain('No thanks');
    // Field keys the form knows and one it does not: the real main cannot be brought to all of them.
    host.failNext('templates.save', {
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
    expect(await host.handlers.templates.list()).toEqual(before);
  });

  it('asks for a field name when a placeholder is filled from an unnamed custom field', async () => {
    const { user, region, host } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: /^Edit ticket_update \(/ }));
    const form = within(region).getByRole('form', { name: 'Edit ticket_update' });
    await user.clear(within(form).getByRole('textbox', { name: 'Custom field for {ticket_ID}' }));
    await user.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(
      within(form).getByText('Name the contact field that fills {ticket_ID}, for example ticket_ID.'),
    ).toBeTruthy();
    expect(host.callsTo('templates.save')).toEqual([]);
  });

  it('deletes a template only after confirming', async () => {
    const { user, region, host, templates } = await openTemplates();
    await user.click(within(region).getByRole('button', { name: /^Delete spring_sale \(/ }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete spring_sale?' })).getByRole('button', {
        name: 'Keep template',
      }),
    );
    expect(host.callsTo('templates.remove')).toEqual([]);
    await user.click(within(region).getByRole('button', { name: /^Delete spring_sale \(/ }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete spring_sale?' })).getByRole('button', {
        name: 'Delete template',
      }),
    );
    expect(host.callsTo('templates.remove')).toEqual([[templates.sale]]);
    await waitFor(() => expect(within(region).queryByRole('rowheader', { name: 'spring_sale' })).toBeNull());
  });

  it('follows templates:changed, and shows nothing rather than failing when the list cannot load', async () => {
    const { host } = await startShop();
    host.failNext('templates.list', { code: 'internal', message: 'Templates are not ready yet.' });
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    const region = screen.getByRole('region', { name: 'Templates' });
    expect(within(region).getByRole('alert').textContent).toContain('The templates could not be loaded.');
    // Saving a template makes main push templates:changed with all of them.
    await host.handlers.templates.save(draftOf({ name: 'welcome', body: 'Welcome to the shop!' }));
    await settle(host);
    expect(within(region).getByRole('rowheader', { name: 'draft_offer' })).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Close Templates' }));
    expect(screen.queryByRole('region', { name: 'Templates' })).toBeNull();
  });
});

describe('follow-up settings', () => {
  it('saves the default template and the opt-out keywords', async () => {
    const { host, templates } = await startShop();
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    const template = within(dialog).getByRole('combobox', { name: 'Default template for follow-ups' });
    expect(template).toHaveProperty('value', templates.ticket);
    expect(
      within(template).getByRole('option', { name: 'draft_offer (nl) — Pending review' }),
    ).toHaveProperty('disabled', true);
    await user.selectOptions(template, 'spring_sale (en)');
    const keywords = within(dialog).getByRole('textbox', { name: 'Opt-out keywords' });
    expect(keywords).toHaveProperty('value', DEFAULT_OPT_OUT_KEYWORDS.join(', '));
    await user.clear(keywords);
    await user.type(keywords, 'STOP, stop mij ,, AFMELDEN');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('settings.update')[0]?.[0]).toMatchObject({
      defaultTemplateId: templates.sale,
      optOutKeywords: ['STOP', 'stop mij', 'AFMELDEN'],
    });
  });
});

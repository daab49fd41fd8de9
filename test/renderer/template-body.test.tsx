import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../main/domain/templates/template-draft';
import { renderApp } from './render-app';

/** The texts an element is described by (hint and error), as a screen reader reads them. */
function described(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function newTemplateForm() {
  const view = await renderApp();
  await view.user.click(screen.getByRole('button', { name: 'Templates' }));
  const region = screen.getByRole('region', { name: 'Templates' });
  await view.user.click(within(region).getByRole('button', { name: 'Add template' }));
  const form = within(region).getByRole('form', { name: 'New template' });
  await view.user.type(within(form).getByRole('textbox', { name: 'Name' }), 'probe');
  const body = within(form).getByRole('textbox', { name: 'Body' });
  return { ...view, form, body };
}

describe('the template form reads a body exactly as the main process does', () => {
  it.each(['Hello \\{name}', 'x {{1}} {1}', '{{ 1 }}'])(
    '“%s”: no placeholders to map, and main’s own refusal',
    async (text) => {
      const refusal = checkBody(text).problem;
      expect(refusal).not.toBeNull();
      const { user, api, form, body } = await newTemplateForm();
      await user.click(body);
      await user.paste(text);

      expect(within(form).queryAllByRole('combobox', { name: /^Fill / })).toEqual([]);
      expect(within(form).queryByText(/^Placeholders found/)).toBeNull();
      expect(body.getAttribute('aria-invalid')).toBe('true');
      expect(described(body)).toBe(refusal);

      await user.click(within(form).getByRole('button', { name: 'Save template' }));
      await within(form).findByRole('alert');
      // The words came back from the real main process this time, and nothing was saved.
      await waitFor(() => expect(described(body)).toBe(refusal));
      expect((await api.templates.list()).map((t) => t.name)).not.toContain('probe');
    },
  );

  it('offers one mapping row per placeholder of a body main accepts, labelled as written', async () => {
    const { user, form, body } = await newTemplateForm();
    await user.click(body);
    await user.paste('Hi {{1}}, your order {{2}} is ready. \\{not a placeholder\\}');
    expect(within(form).getByText('Placeholders found: {{1}}, {{2}}')).toBeTruthy();
    expect(within(form).getAllByRole('combobox', { name: /^Fill / })).toEqual([
      within(form).getByRole('combobox', { name: 'Fill {{1}} with' }),
      within(form).getByRole('combobox', { name: 'Fill {{2}} with' }),
    ]);
    expect(body.getAttribute('aria-invalid')).toBeNull();
  });
});

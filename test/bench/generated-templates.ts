import type { Template } from '../../main/contract/model';

/**
 * The template library of a shop like the generated one: the same two utility templates in the languages
 * its customers write in (one filled from the contact's `order` field, which most contacts have; one from
 * a `ticket_ID` field nobody has, so choosing a template for a contact has to skip it), and one marketing
 * template. Choosing and filling a follow-up template for each contact is part of what the first screen
 * costs, so the bench must not measure a library that is empty.
 */
export function generatedTemplates(at: number): Template[] {
  const languages = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pl', 'tr'];
  const utility = (name: string, language: string, body: string, field: string): Template => ({
    id: `${name}.${language}`,
    name,
    language,
    category: 'utility',
    status: 'approved',
    body,
    header: null,
    footer: null,
    buttons: [],
    mapping: { [field]: { kind: 'field', field } },
    createdAt: at,
    updatedAt: at,
  });
  return [
    ...languages.map((lang) =>
      utility('ticket_update', lang, 'We have a new update regarding your ticket {ticket_ID}.', 'ticket_ID'),
    ),
    ...languages.map((lang) =>
      utility(
        'order_ready',
        lang,
        'Your order {order} is ready to collect. Reply to keep chatting.',
        'order',
      ),
    ),
    {
      ...utility('winter_sale', 'en', 'Our winter sale starts today for {order}.', 'order'),
      id: 'winter_sale.en',
      category: 'marketing',
    },
  ];
}

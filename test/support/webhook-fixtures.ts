/**
 * WhatsApp webhook payloads shaped as on
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 * (ids and numbers are made up).
 */

export const BUSINESS = {
  wabaId: '102290129340398',
  phoneNumberId: '106540352242922',
  display: '15550783881',
};
export const CUSTOMER = { waId: '31612345678', name: 'Sanne de Vries' };

type Value = Record<string, unknown>;

export function webhook(value: Value, field = 'messages'): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: BUSINESS.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: BUSINESS.display, phone_number_id: BUSINESS.phoneNumberId },
              ...value,
            },
            field,
          },
        ],
      },
    ],
  };
}

/** One inbound message of `type` with its type object, from the customer, with their profile name. */
export function inbound(
  id: string,
  type: string,
  content: Value,
  timestamp = '1764000000',
): Record<string, unknown> {
  return webhook({
    contacts: [{ profile: { name: CUSTOMER.name }, wa_id: CUSTOMER.waId }],
    messages: [{ from: CUSTOMER.waId, id, timestamp, type, ...content }],
  });
}

export function textMessage(id: string, body: string, timestamp = '1764000000'): Record<string, unknown> {
  return inbound(id, 'text', { text: { body } }, timestamp);
}

export function status(
  id: string,
  state: string,
  timestamp: string,
  extra: Value = {},
): Record<string, unknown> {
  return webhook({ statuses: [{ id, status: state, timestamp, recipient_id: CUSTOMER.waId, ...extra }] });
}

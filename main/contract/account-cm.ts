import { z } from 'zod';

/**
 * The second way to connect a number: CM.com's Business Messaging API. The owner chooses the provider when
 * connecting; each has its own fields. As for the Cloud API, the product token crosses IPC once, from the
 * form to the main process, and never comes back.
 */

/** Which provider the owner's number is connected through. */
export const ProviderKind = z.enum(['cloud-api', 'cm-com']);
export type ProviderKind = z.infer<typeof ProviderKind>;

/**
 * CM.com's product token is a GUID and "must always include hyphens"
 * (https://developers.cm.com/messaging/docs/integration).
 */
const PRODUCT_TOKEN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const CmCredentials = z.object({
  productToken: z
    .string()
    .trim()
    .min(1, 'Paste the product token.')
    .regex(
      PRODUCT_TOKEN,
      'A product token looks like 1a2b3c4d-…-…: copy it again in full, with its hyphens.',
    ),
  /** The business's WhatsApp number as CM.com registered it, the sender of every message. */
  senderNumber: z
    .string()
    .trim()
    .transform((text) => text.replace(/[\s()-]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^\+\d{6,15}$/, 'Type the WhatsApp number with + and the country code, e.g. +31 6 12345678.'),
    ),
  /** Shown in a template's details in CM.com's Channels app; needed to send templates. */
  templateNamespace: z
    .string()
    .trim()
    .max(100, 'This is too long to be a template namespace.')
    .regex(/^[\w-]*$/, 'A template namespace has only letters, digits, - and _: copy it again.'),
});
export type CmCredentials = z.infer<typeof CmCredentials>;
export type CmCredentialsInput = z.input<typeof CmCredentials>;

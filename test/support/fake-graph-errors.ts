/**
 * The Graph API's error answers for each class of error the Cloud API gives, shaped as on
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 * (`{ error: { message: "(#code) title", type, code, error_subcode?, error_data: { details } } }`).
 */

/** Each error class the Cloud API answers that CareWindow treats differently. */
export type GraphErrorClass =
  | 'expired-token'
  | 'invalid-token'
  | 'permission'
  | 'permission-200'
  | 'wrong-id'
  | 'wrong-id-803'
  | 'window-closed'
  | 'missing-parameter'
  | 'param-count-mismatch'
  | 'marketing-limit'
  | 'marketing-stopped'
  | 'rate-limit'
  | 'pair-rate-limit'
  | 'account-rate-limit'
  | 'server';

interface GraphErrorShape {
  status: number;
  code: number;
  subcode?: number;
  title: string;
  details: string;
}

const ERRORS: Record<GraphErrorClass, GraphErrorShape> = {
  'expired-token': {
    status: 401,
    code: 190,
    subcode: 463,
    title: 'Error validating access token: Session has expired',
    details: 'The access token has expired.',
  },
  'invalid-token': {
    status: 401,
    code: 190,
    title: 'Invalid OAuth access token - Cannot parse access token',
    details: 'The access token could not be decrypted.',
  },
  permission: {
    status: 403,
    code: 10,
    title: 'Application does not have permission for this action',
    details: 'Permission whatsapp_business_messaging is missing.',
  },
  'permission-200': {
    status: 403,
    code: 200,
    title: 'Permissions error',
    details: 'The user has not granted whatsapp_business_management.',
  },
  'wrong-id': {
    status: 400,
    code: 100,
    subcode: 33,
    title: "Unsupported get request. Object with ID '000' does not exist",
    details:
      'Object does not exist, cannot be loaded due to missing permissions, or does not support this operation.',
  },
  'wrong-id-803': {
    status: 404,
    code: 803,
    title: 'Some of the aliases you requested do not exist',
    details: 'Some of the aliases you requested do not exist.',
  },
  'window-closed': {
    status: 400,
    code: 131047,
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  'missing-parameter': {
    status: 400,
    code: 131008,
    title: 'Required parameter is missing',
    details: 'The parameter ticket_id is required.',
  },
  'param-count-mismatch': {
    status: 400,
    code: 132000,
    title: 'Number of parameters does not match the expected number of params',
    details: 'body: number of localizable_params (1) does not match the expected number of params (2)',
  },
  'marketing-limit': {
    status: 400,
    code: 131049,
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  'marketing-stopped': {
    status: 400,
    code: 131050,
    title: 'Unable to deliver the marketing message. This is because the user stopped marketing messages.',
    details: 'The user has chosen to stop receiving marketing messages from this business.',
  },
  'rate-limit': {
    status: 429,
    code: 130429,
    title: 'Rate limit hit',
    details: 'Cloud API message throughput has been reached.',
  },
  'pair-rate-limit': {
    status: 400,
    code: 131056,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.',
  },
  'account-rate-limit': {
    status: 400,
    code: 80007,
    title: 'Rate limit issues',
    details: 'The WhatsApp Business Account has reached its rate limit.',
  },
  server: {
    status: 500,
    code: 131000,
    title: 'Something went wrong',
    details: 'Message failed to send due to an unknown error.',
  },
};

/** The Graph API error body for a class, with optional details naming what was wrong. */
export function graphErrorBody(error: GraphErrorClass, details?: string): { status: number; body: unknown } {
  const shape = ERRORS[error];
  return {
    status: shape.status,
    body: {
      error: {
        message: `(#${shape.code}) ${shape.title}`,
        type: 'OAuthException',
        code: shape.code,
        ...(shape.subcode === undefined ? {} : { error_subcode: shape.subcode }),
        error_data: { messaging_product: 'whatsapp', details: details ?? shape.details },
        fbtrace_id: 'AbCdEfFakeTrace',
      },
    },
  };
}

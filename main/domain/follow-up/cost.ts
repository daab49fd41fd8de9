import type { TemplateCategory } from '../../contract/model';

export interface Cost {
  charged: boolean;
  explanation: string;
}

/**
 * The platform's per-message pricing for templates: marketing and authentication templates are always
 * charged; utility templates are free inside the customer's open 24-hour window and charged outside it.
 * (Free-form messages are possible only inside the window, and free.)
 */
export function templateCost(category: TemplateCategory, windowOpen: boolean): Cost {
  switch (category) {
    case 'marketing':
      return {
        charged: true,
        explanation: 'Charged: WhatsApp charges every marketing template, inside or outside the window.',
      };
    case 'authentication':
      return {
        charged: true,
        explanation: 'Charged: WhatsApp charges every authentication template, inside or outside the window.',
      };
    case 'utility':
      return windowOpen
        ? {
            charged: false,
            explanation: 'Free: a utility template inside the open 24-hour window costs nothing.',
          }
        : {
            charged: true,
            explanation:
              'Charged: utility templates are free only inside the 24-hour window, and this one has closed.',
          };
  }
}

/**
 * A marketing template where a utility one would do costs money for nothing and lands in the customer's
 * marketing settings (which they may have muted). `utilityAlternative` is an approved utility template
 * that could be sent to this contact (all its placeholders filled), if there is one.
 */
export function categoryWarning(
  category: TemplateCategory,
  windowOpen: boolean,
  utilityAlternative: { name: string; language: string } | null,
): string | null {
  if (category !== 'marketing') return null;
  if (windowOpen) {
    return 'This is a marketing template, which is always charged. While the window is open a normal message is free.';
  }
  if (utilityAlternative === null) return null;
  return (
    `This is a marketing template, which is always charged and may be muted by the customer. ` +
    `For a follow-up the utility template “${utilityAlternative.name}” (${utilityAlternative.language}) would do.`
  );
}

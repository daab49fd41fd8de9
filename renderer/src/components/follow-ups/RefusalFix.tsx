import type { ContactRow, FollowUpPreview, Template } from '../../../../main/contract/model';
import { templateLabel } from '../../format/follow-up-text';
import { useApi, useAppState, useStore } from '../../state/context';
import { useActions } from '../actions';

function listName(fix: Fix, name: string): string | undefined {
  if (fix.listName !== undefined) return fix.listName;
  return fix.label.includes(name) ? undefined : `${fix.label} for ${name}`;
}

export interface RefusalFixProps {
  row: ContactRow;
  preview: FollowUpPreview;
  /** In the preview dialog the contact is obvious; in a list every button also names the contact. */
  placement: 'dialog' | 'list';
  /** Moves the focus to the template picker (dialog only). */
  onChooseTemplate?: () => void;
}

interface Fix {
  key: string;
  label: string;
  /** The accessible name in a list, when "<label> for <name>" does not read well. */
  listName?: string;
  run: () => void;
}

/**
 * The action that fixes why a follow-up cannot be sent: add the opt-in, confirm a customer's START, add
 * the missing field, map a placeholder, choose another template. Opted-out and already-sent contacts
 * have nothing to fix here otherwise; in a list they offer to open the conversation.
 */
export function RefusalFix({ row, preview, placement, onChooseTemplate }: RefusalFixProps) {
  const actions = useActions();
  const api = useApi();
  const store = useStore();
  const templates = useAppState((s) => s.templates);
  const { id, name } = row.contact;
  const template = templates?.find((t) => t.id === preview.templateId) ?? null;
  const fixes = fixesFor();
  if (fixes.length === 0) return null;

  function fixesFor(): Fix[] {
    const choose = (label: string): Fix =>
      placement === 'dialog' && onChooseTemplate
        ? { key: 'choose', label, run: onChooseTemplate }
        : { key: 'choose', label, run: () => actions.followUp(id, { focusTemplate: true }) };
    const open: Fix = {
      key: 'open',
      label: 'Open conversation',
      listName: `Open conversation with ${name}`,
      run: () => actions.openContact(id),
    };
    switch (preview.refusal?.code) {
      case 'no-opt-in':
        return [
          { key: 'opt-in', label: 'Add opt-in', run: () => actions.editContact(id, { focusOptIn: true }) },
        ];
      case 'missing-field':
        return preview.missing.map((missing) =>
          missing.field === null
            ? mapFix(missing.placeholder, template)
            : {
                key: `field-${missing.field}`,
                label: `Add ${missing.field} to ${name}`,
                run: () => actions.editContact(id, { addField: missing.field ?? '' }),
              },
        );
      case 'template-not-approved':
        return [choose(placement === 'dialog' ? 'Choose another template' : 'Choose a template')];
      case 'no-template':
        return templates?.some((t) => t.status === 'approved')
          ? [choose('Choose a template')]
          : [{ key: 'add-template', label: 'Add a template', run: () => actions.editTemplate(null) }];
      case 'opted-out':
        // The customer wrote START: the owner's confirmation is the fix.
        return row.contact.optInRequestedAt !== null
          ? [{ key: 'confirm', label: 'Confirm opt-in', run: () => void confirmOptIn() }]
          : placement === 'list'
            ? [open]
            : [];
      case 'opted-out-of-marketing':
        // Utility templates still reach a customer who stopped promotions; START asks to resume them all.
        return row.contact.optInRequestedAt !== null
          ? [{ key: 'confirm', label: 'Confirm opt-in', run: () => void confirmOptIn() }]
          : [choose('Choose a utility template')];
      case 'already-sent':
      case 'window-open':
        return placement === 'list' ? [open] : [];
      default:
        return [];
    }
  }

  async function confirmOptIn() {
    try {
      store.upsertRows([await api.contacts.confirmOptIn(id)]);
    } catch (error) {
      store.reportError(error);
    }
  }

  function mapFix(placeholder: string, mapped: Template | null): Fix {
    return {
      key: `map-${placeholder}`,
      label: `Map ${placeholder} in ${mapped ? templateLabel(mapped) : 'the template'}`,
      run: () => actions.editTemplate(mapped?.id ?? null),
    };
  }

  return (
    <div className="refusal-fixes">
      {fixes.map((fix) => (
        <button
          key={fix.key}
          type="button"
          className="secondary"
          aria-label={placement === 'list' ? listName(fix, name) : undefined}
          onClick={fix.run}
        >
          {fix.label}
        </button>
      ))}
    </div>
  );
}

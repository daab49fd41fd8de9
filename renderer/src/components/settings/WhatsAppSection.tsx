import { useAppState } from '../../state/context';
import { useActions } from '../actions';

/** The owner's own workspace: whether a WhatsApp number is connected, and the way to the wizard. */
export function WhatsAppSection() {
  const actions = useActions();
  const workspace = useAppState((s) => s.workspace);
  if (workspace?.kind !== 'real') return null;
  return (
    <fieldset className="field-group">
      <legend>WhatsApp</legend>
      <p className="field-hint">
        {workspace.accountConfigured
          ? 'Your WhatsApp Business number is connected.'
          : 'No WhatsApp Business number is connected yet: nothing is sent or received.'}
      </p>
      <div>
        <button type="button" className="secondary" onClick={() => actions.connectWhatsApp()}>
          {workspace.accountConfigured ? 'WhatsApp connection…' : 'Connect WhatsApp…'}
        </button>
      </div>
    </fieldset>
  );
}

import { useState } from 'react';
import { useAppState, useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { isMac } from '../keys';
import { AutoRepliesSettings } from './AutoRepliesSettings';
import { QuickRepliesSettings } from './QuickRepliesSettings';

/** Settings → Answer faster: how Enter behaves, quick replies, greeting and away messages. */
export function AnswerFasterSection() {
  const store = useStore();
  const enterSends = useAppState((s) => s.settings.enterSends);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section className="settings-answer-faster" aria-label="Answer faster">
      <h3>Answer faster</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enterSends}
          onChange={(e) => {
            setProblem(null);
            store.updateSettings({ enterSends: e.target.checked }).catch((error: unknown) => {
              setProblem(errorMessage(error));
            });
          }}
        />
        Enter sends the message, Shift+Enter adds a line (off: {isMac() ? '⌘' : 'Ctrl'}+Enter sends)
      </label>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <p className="field-hint">
        Press <kbd>?</kbd> outside a text field to see every keyboard shortcut.
      </p>
      <QuickRepliesSettings />
      <AutoRepliesSettings />
    </section>
  );
}

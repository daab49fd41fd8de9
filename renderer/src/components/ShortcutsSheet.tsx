import { useAppState } from '../state/context';
import { Dialog } from './Dialog';
import { isMac } from './keys';

/** Every keyboard shortcut on one sheet, opened with `?` (outside a text field) and closed with Esc. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const enterSends = useAppState((s) => s.settings.enterSends);
  const command = isMac() ? '⌘' : 'Ctrl';
  const rows: [keys: string[][], what: string][] = [
    [[[command, 'K']], 'Search contacts'],
    [[['↑'], ['↓']], 'Move through the contact list'],
    [[['Enter']], 'Open the highlighted contact and write to them'],
    [[['F']], 'Preview the follow-up of the selected contact'],
    [
      enterSends ? [['Enter']] : [[command, 'Enter']],
      'Send the message (change it in Settings → Answer faster)',
    ],
    [enterSends ? [['Shift', 'Enter']] : [['Enter']], 'Add a line to the message'],
    [[['/']], 'Insert a quick reply (in the message box; type to filter, ↑/↓ and Enter)'],
    [[['Esc']], 'Close a dialog or the quick replies; back to the contact list'],
    [[['?']], 'Show this sheet'],
  ];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-sheet">
      <table className="shortcuts-table">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 ? ' or ' : null}
                    {combo.map((key, j) => (
                      <span key={key}>
                        {j > 0 ? '+' : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

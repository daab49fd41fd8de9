import { useState } from 'react';
import type { ContactRow } from '../../../../main/contract/model';
import { LabelDialog } from './LabelDialog';

/** "Label…" in the conversation header: the labels of the contact that is open. */
export function LabelButton({ row }: { row: ContactRow }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Label…
      </button>
      {open ? <LabelDialog rows={[row]} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

import { useActions } from '../actions';

/** "Search in this conversation", in the conversation header: the message search, narrowed to this contact. */
export function SearchHere({ contactId }: { contactId: string }) {
  const actions = useActions();
  return (
    <button type="button" className="secondary" onClick={() => actions.searchMessages(contactId)}>
      Search in this conversation
    </button>
  );
}

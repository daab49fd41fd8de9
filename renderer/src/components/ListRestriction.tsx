import { useStore } from '../state/context';

/** "Showing 3 contacts from a reminder · Show all": the list is narrowed to one notification's contacts. */
export function ListRestriction({ count }: { count: number }) {
  const store = useStore();
  return (
    <div className="list-only">
      <p role="status">
        Showing {count} {count === 1 ? 'contact' : 'contacts'} from a reminder
      </p>
      <span aria-hidden="true">·</span>
      <button type="button" className="link-button" onClick={() => store.showAllContacts()}>
        Show all
      </button>
    </div>
  );
}

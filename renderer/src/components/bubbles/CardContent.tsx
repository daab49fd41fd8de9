import { useState, type ReactNode } from 'react';
import { CircleHelp, MapPin, UserPlus } from 'lucide-react';
import type { LocationLink, Message, MessageLocation, SharedContact } from '../../../../main/contract/model';
import { useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { BubbleProblem } from './BubbleProblem';

/** "52.37° N, 4.90° E". */
export function coordinatesText(location: Pick<MessageLocation, 'latitude' | 'longitude'>): string {
  const lat = `${Math.abs(location.latitude).toFixed(2)}° ${location.latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(location.longitude).toFixed(2)}° ${location.longitude >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

const SITES: { link: LocationLink; name: string }[] = [
  { link: 'openstreetmap', name: 'OpenStreetMap' },
  { link: 'google-maps', name: 'Google Maps' },
  { link: 'apple-maps', name: 'Apple Maps' },
];

/**
 * A shared location without a map (no remote content): name, address, coordinates, and a link the owner
 * chooses and confirms; main builds the https link and opens it in the browser.
 */
export function LocationCard({ message, location }: { message: Message; location: MessageLocation }) {
  const store = useStore();
  const sites = location.url?.startsWith('https://')
    ? [...SITES, { link: 'place' as const, name: 'the place’s own page' }]
    : SITES;
  const [chosen, setChosen] = useState<LocationLink | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const site = sites.find((s) => s.link === chosen);
  const open = () => {
    if (!site) return;
    setChosen(null);
    store.api.conversation
      .openLocation(message.contactId, message.id, site.link)
      .catch((caught: unknown) => setProblem(errorMessage(caught)));
  };
  return (
    <div className="bubble-card location-card">
      <MapPin size={20} aria-hidden="true" />
      <div>
        {location.name ? (
          <p className="card-title" dir="auto">
            {location.name}
          </p>
        ) : null}
        {location.address ? (
          <p className="card-line" dir="auto">
            {location.address}
          </p>
        ) : null}
        <p className="card-line">{coordinatesText(location)}</p>
        {site ? (
          <CardConfirm
            label="Open the location"
            action="Open"
            onConfirm={open}
            onCancel={() => setChosen(null)}
          >
            Open this place in {site.name} in your browser?
          </CardConfirm>
        ) : (
          <p className="card-actions">
            {sites.map((s) => (
              <button key={s.link} type="button" className="ghost" onClick={() => setChosen(s.link)}>
                Open in {s.name}
              </button>
            ))}
          </p>
        )}
        <BubbleProblem problem={problem} />
      </div>
    </div>
  );
}

/** Shared contact cards, each with "Add as contact" (its first number; the owner confirms). */
export function ContactsCard({ contacts }: { contacts: readonly SharedContact[] }) {
  return (
    <div className="bubble-contacts">
      {contacts.map((contact, index) => (
        <SharedContactCard key={index} contact={contact} />
      ))}
    </div>
  );
}

function SharedContactCard({ contact }: { contact: SharedContact }) {
  const store = useStore();
  const phone = contact.phones[0]?.phone ?? null;
  const [state, setState] = useState<'idle' | 'confirm' | 'added'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const add = async () => {
    if (phone === null) return;
    setProblem(null);
    try {
      await store.saveContact(null, {
        name: contact.name,
        phone,
        notes: contact.organization ? `Organisation: ${contact.organization}` : '',
        fields: contact.emails[0] ? { email: contact.emails[0].email } : {},
        // Shared by someone else: no consent of theirs to templates.
        optIn: { status: 'none', at: null, source: null, proof: '' },
      });
      setState('added');
    } catch (caught) {
      setProblem(errorMessage(caught));
      setState('idle');
    }
  };
  return (
    <div className="bubble-card contact-card">
      <UserPlus size={20} aria-hidden="true" />
      <div>
        <p className="card-title" dir="auto">
          {contact.name}
        </p>
        {contact.organization ? (
          <p className="card-line" dir="auto">
            {contact.organization}
          </p>
        ) : null}
        {contact.phones.map((p) => (
          <p key={p.phone} className="card-line">
            {p.phone}
          </p>
        ))}
        {contact.emails.map((e) => (
          <p key={e.email} className="card-line">
            {e.email}
          </p>
        ))}
        {phone === null ? null : state === 'added' ? (
          <p className="card-line" role="status">
            Added to your contacts.
          </p>
        ) : state === 'confirm' ? (
          <CardConfirm
            label="Add as contact"
            action="Add"
            onConfirm={() => void add()}
            onCancel={() => setState('idle')}
          >
            Add {contact.name} ({phone}) to your contacts?
          </CardConfirm>
        ) : (
          <p className="card-actions">
            <button type="button" className="ghost" onClick={() => setState('confirm')}>
              Add as contact
            </button>
          </p>
        )}
        <BubbleProblem problem={problem} />
      </div>
    </div>
  );
}

export function ChoiceLine({ choice }: { choice: NonNullable<Message['choice']> }) {
  return (
    <p className="bubble-choice">
      Chose: <strong dir="auto">{choice.title}</strong>
      {choice.description ? (
        <span className="bubble-choice-description" dir="auto">
          {' '}
          — {choice.description}
        </span>
      ) : null}
    </p>
  );
}

export function UnsupportedLine({ type }: { type: string }) {
  return (
    <p className="bubble-unsupported">
      <CircleHelp size={14} aria-hidden="true" /> Unsupported message ({type})
    </p>
  );
}

/** A card's question with its one action and Cancel: nothing leaves a card without the owner's yes. */
function CardConfirm({
  label,
  action,
  onConfirm,
  onCancel,
  children,
}: {
  label: string;
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <p className="card-confirm" role="group" aria-label={label}>
      {children}{' '}
      <button type="button" className="primary" onClick={onConfirm}>
        {action}
      </button>{' '}
      <button type="button" className="ghost" onClick={onCancel}>
        Cancel
      </button>
    </p>
  );
}

import type { ColumnField, ColumnMapping } from '../../contract/contacts-csv';
import { MAX_CUSTOM_FIELDS } from '../../contract/contact';

/**
 * Header words, lower-cased and without accents, in English, Dutch, German, French and Spanish, for each
 * field a column can fill. A header matches when it equals one of them once spaces, dashes and
 * underscores are dropped ("Mobile number", "mobiel_nummer", "Téléphone").
 */
const HEADER_WORDS: Record<Exclude<ColumnField, 'custom' | 'ignore'>, readonly string[]> = {
  name: [
    'name',
    'fullname',
    'customer',
    'customername',
    'contact',
    'contactname',
    'displayname',
    'naam',
    'volledigenaam',
    'klant',
    'klantnaam',
    'kunde',
    'kundenname',
    'vollstandigername',
    'nom',
    'nomcomplet',
    'client',
    'nombre',
    'nombrecompleto',
    'cliente',
  ],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilenumber',
    'mobilephone',
    'cell',
    'cellphone',
    'whatsapp',
    'whatsappnumber',
    'tel',
    'telephone',
    'number',
    'telefoon',
    'telefoonnummer',
    'mobiel',
    'mobielnummer',
    'mobielenummer',
    'nummer',
    'gsm',
    'telefon',
    'telefonnummer',
    'handy',
    'handynummer',
    'mobilnummer',
    'mobiltelefon',
    'telephoneportable',
    'portable',
    'numero',
    'numerodetelephone',
    'telefono',
    'movil',
    'celular',
    'numerodetelefono',
  ],
  optInDate: [
    'optin',
    'optindate',
    'optedin',
    'optedinat',
    'optedinon',
    'consent',
    'consentdate',
    'consentgiven',
    'toestemming',
    'toestemmingsdatum',
    'datumtoestemming',
    'optindatum',
    'einwilligung',
    'einwilligungsdatum',
    'datumeinwilligung',
    'consentement',
    'dateconsentement',
    'dateoptin',
    'consentimiento',
    'fechaconsentimiento',
    'fechaoptin',
  ],
  optInSource: [
    'optinsource',
    'consentsource',
    'source',
    'optinvia',
    'howoptedin',
    'bron',
    'bronoptin',
    'brontoestemming',
    'quelle',
    'quelleeinwilligung',
    'sourceconsentement',
    'origine',
    'fuente',
    'origen',
    'fuenteconsentimiento',
  ],
  optInStatus: [
    'optinstatus',
    'consentstatus',
    'subscribed',
    'marketingconsent',
    'toestemminggegeven',
    'aangemeld',
    'einwilligungsstatus',
    'angemeldet',
    'statutconsentement',
    'inscrit',
    'estadoconsentimiento',
    'suscrito',
  ],
  notes: [
    'notes',
    'note',
    'comment',
    'comments',
    'notities',
    'opmerking',
    'opmerkingen',
    'notizen',
    'notiz',
    'bemerkung',
    'remarques',
    'remarque',
    'commentaire',
    'notas',
    'nota',
    'comentarios',
  ],
};

const IGNORED = ['optinproof', 'proof', 'id', 'createdat', 'updatedat'];

/** "Téléphone mobile" → "telephonemobile". */
export function headerWord(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A contact field name from a header ("Ticket ID" → "Ticket_ID"), or null when nothing usable is left. */
export function fieldKeyOf(header: string): string | null {
  const key = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^[^A-Za-z]+|_+$/g, '')
    .slice(0, 40);
  return key === '' ? null : key;
}

/**
 * The first guess at what each column fills in: a known header word gives its field (the first column
 * for each field wins); any other named column becomes a custom field, up to the contact's limit.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<string>();
  let custom = 0;
  return headers.map((header, column): ColumnMapping => {
    const word = headerWord(header);
    // Columns CareWindow's own export writes that an import must not turn into custom fields.
    if (IGNORED.includes(word)) return { column, field: 'ignore' };
    const field = (Object.keys(HEADER_WORDS) as (keyof typeof HEADER_WORDS)[]).find(
      (f) => !taken.has(f) && HEADER_WORDS[f].includes(word),
    );
    if (field) {
      taken.add(field);
      return { column, field };
    }
    const key = fieldKeyOf(header);
    if (key === null || taken.has(`custom:${key}`) || custom >= MAX_CUSTOM_FIELDS) {
      return { column, field: 'ignore' };
    }
    taken.add(`custom:${key}`);
    custom++;
    return { column, field: 'custom', key };
  });
}

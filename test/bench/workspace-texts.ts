/**
 * Words for the generated workspace: the languages a European shop's customers write in, with accented
 * words and some Arabic, so the search bench meets what a real history holds (common words, rare ones,
 * accents, other scripts). Each locale brings its own country code, names and phrases.
 */
export interface Locale {
  language: string;
  /** Country calling code and the digits a mobile number starts with after it. */
  countryCode: string;
  mobilePrefix: string;
  /** Digits after the prefix, so the whole number stays within E.164's 15. */
  digits: number;
  firstNames: readonly string[];
  lastNames: readonly string[];
  inbound: readonly string[];
  outbound: readonly string[];
}

export const LOCALES: readonly { weight: number; locale: Locale }[] = [
  {
    weight: 30,
    locale: {
      language: 'nl',
      countryCode: '31',
      mobilePrefix: '6',
      digits: 8,
      firstNames: ['Sanne', 'Daan', 'Eva', 'Bram', 'Fleur', 'Joost', 'Maaike', 'Thijs', 'Noël', 'Anouk'],
      lastNames: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'van Dijk', 'Mulder', 'Brouwer'],
      inbound: [
        'Hoi, is de blauwe jas weer op voorraad?',
        'Kan ik de bestelling zaterdag ophalen?',
        'Dank je wel, tot morgen!',
        'Mijn pakket is nog niet bezorgd, kunt u kijken?',
        'Hebben jullie deze schoenen ook in maat 42?',
        'Is de winkel open op tweede pinksterdag?',
        'Ik wil graag ruilen, het past niet helaas.',
      ],
      outbound: [
        'Ja, hij is vanochtend binnengekomen. Zal ik hem apart leggen?',
        'Natuurlijk, we zijn zaterdag open van 9 tot 17 uur.',
        'Uw bestelling is onderweg, de track & trace volgt per mail.',
        'Geen probleem, breng hem maar langs met de bon.',
      ],
    },
  },
  {
    weight: 20,
    locale: {
      language: 'de',
      countryCode: '49',
      mobilePrefix: '15',
      digits: 9,
      firstNames: ['Jürgen', 'Lena', 'Jörg', 'Sophie', 'Lukas', 'Mia', 'Björn', 'Käthe', 'Felix'],
      lastNames: ['Müller', 'Schmidt', 'Schäfer', 'Weiß', 'Groß', 'Köhler', 'Fuchs', 'Krüger'],
      inbound: [
        'Guten Tag, haben Sie die Jacke noch in Größe M?',
        'Können Sie mir die Rechnung bitte nochmal schicken?',
        'Vielen Dank für die schnelle Lieferung!',
        'Wann öffnen Sie am Samstag?',
        'Die Schuhe sind zu groß, kann ich sie umtauschen?',
        'Ist die Bestellung schon unterwegs?',
      ],
      outbound: [
        'Ja, Größe M ist vorrätig. Soll ich sie zurücklegen?',
        'Gerne, die Rechnung ist unterwegs.',
        'Wir öffnen samstags um 9:30 Uhr.',
        'Natürlich, bringen Sie die Schuhe einfach mit dem Kassenbon vorbei.',
      ],
    },
  },
  {
    weight: 15,
    locale: {
      language: 'fr',
      countryCode: '33',
      mobilePrefix: '6',
      digits: 8,
      firstNames: ['Hélène', 'Léa', 'François', 'Chloé', 'Jérôme', 'Zoé', 'Amélie', 'Noémie'],
      lastNames: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Bérard', 'Mercier', 'Fontaine'],
      inbound: [
        'Bonjour, est-ce que la robe bleue est encore disponible ?',
        'Merci beaucoup, à demain !',
        "Ma commande n'est pas encore arrivée, pouvez-vous vérifier ?",
        'Est-ce que je peux passer récupérer le colis cet après-midi ?',
        'Vous avez des crèmes sans parfum ?',
        "C'est trop petit, je voudrais l'échanger s'il vous plaît.",
      ],
      outbound: [
        'Oui, elle est arrivée ce matin. Je vous la mets de côté ?',
        'Bien sûr, nous sommes ouverts jusqu’à 19 h.',
        'Votre colis a été expédié, vous recevrez le suivi par e-mail.',
        'Pas de souci, passez avec le ticket de caisse.',
      ],
    },
  },
  {
    weight: 12,
    locale: {
      language: 'es',
      countryCode: '34',
      mobilePrefix: '6',
      digits: 8,
      firstNames: ['José', 'María', 'Lucía', 'Andrés', 'Begoña', 'Íñigo', 'Sofía', 'Martín'],
      lastNames: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Núñez', 'Ibáñez'],
      inbound: [
        'Hola, ¿tienen la chaqueta en talla M?',
        '¿Puedo recoger el pedido mañana por la mañana?',
        '¡Muchas gracias! Hasta pronto.',
        'El paquete todavía no ha llegado, ¿pueden revisarlo?',
        '¿A qué hora abren el sábado?',
      ],
      outbound: [
        'Sí, la tenemos. ¿Se la reservo?',
        'Claro, mañana abrimos a las 10.',
        'Su pedido está en camino, le enviaremos el seguimiento.',
      ],
    },
  },
  {
    weight: 8,
    locale: {
      language: 'it',
      countryCode: '39',
      mobilePrefix: '3',
      digits: 9,
      firstNames: ['Giulia', 'Niccolò', 'Chiara', 'Lorenzo', 'Francesca', 'Mattia'],
      lastNames: ['Rossi', 'Bianchi', 'Esposito', 'Ricci', 'Colombo', 'De Luca'],
      inbound: [
        'Buongiorno, è ancora disponibile la borsa nera?',
        'Grazie mille, a domani!',
        "Posso passare a ritirare l'ordine sabato?",
        'Perché il pacco non è ancora arrivato?',
      ],
      outbound: [
        'Sì, è disponibile. Gliela metto da parte?',
        'Certo, sabato siamo aperti fino alle 19.',
        'Il suo ordine è stato spedito oggi.',
      ],
    },
  },
  {
    weight: 6,
    locale: {
      language: 'tr',
      countryCode: '90',
      mobilePrefix: '5',
      digits: 9,
      firstNames: ['Ayşe', 'Mehmet', 'Çağla', 'Gökhan', 'Şule', 'Emre'],
      lastNames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk'],
      inbound: [
        'Merhaba, mavi ceket hâlâ var mı?',
        'Siparişimi cumartesi alabilir miyim?',
        'Çok teşekkürler, görüşmek üzere!',
      ],
      outbound: ['Evet, stokta var. Sizin için ayırayım mı?', 'Tabii, cumartesi 10:00’da açığız.'],
    },
  },
  {
    weight: 9,
    locale: {
      language: 'ar',
      countryCode: '212',
      mobilePrefix: '6',
      digits: 8,
      firstNames: ['Youssef', 'Fatima', 'Amine', 'Salma', 'Karim', 'Nour', 'محمد', 'فاطمة'],
      lastNames: ['El Amrani', 'Benali', 'Haddad', 'Bouzid', 'العلوي', 'بن علي'],
      inbound: [
        'مرحبا، هل المعطف الأزرق متوفر؟',
        'شكرا جزيلا، إلى الغد',
        'متى يصل الطلب؟',
        'Salam, est-ce que la commande est prête ?',
        'هل يمكنني استبدال الحذاء؟',
      ],
      outbound: [
        'نعم، متوفر. هل أحجزه لك؟',
        'الطلب في الطريق، شكرا لصبرك.',
        'Oui, elle est prête à récupérer.',
      ],
    },
  },
];

/** Short inbound words that any customer sends, whatever their language. */
export const SHORT_INBOUND: readonly string[] = [
  'OK',
  'Ok 👍',
  'Thanks!',
  '🙏',
  'Perfect',
  'Yes please',
  '👍',
];

export const REACTIONS: readonly string[] = ['👍', '❤️', '😂', '🙏'];

export const FOLLOW_UP_TEXT =
  'We have a new update regarding your order {order}. Please respond if you want to continue.';

export const FAILURE_REASONS: readonly string[] = [
  'Message undeliverable',
  'The number is not on WhatsApp',
  'Re-engagement message: the 24-hour window had closed',
];

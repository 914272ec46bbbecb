/** Ingredients for realistic, varied sample contacts. */
export const FIRST_NAMES = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Donald',
  'Katherine', 'John', 'Hedy', 'Tim', 'Sophie', 'Guido', 'Annie', 'Bjarne', 'Joan', 'Claude', 'Mary', 'Vint',
  'Shafi', 'Leslie', 'Anita', 'Niklaus', 'Evelyn', 'James', 'Lucía', 'Chloé', 'Søren', 'Zoë', 'Mateo', 'Aiko',
  'Priya', 'Kwame', 'Olga', 'Tomás', 'Ngozi', 'Wei', 'Fatima', 'Rafael', 'Ingrid', 'Yusuf', 'Elif', 'Hana',
];

export const LAST_NAMES = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra',
  'Perlman', 'Knuth', 'Johnson', 'McCarthy', 'Lamarr', 'Berners-Lee', 'Wilson', 'van Rossum', 'Easley', 'Stroustrup',
  'Clarke', 'Shannon', 'Jackson', 'Cerf', 'Goldwasser', 'Lamport', 'Borg', 'Wirth', 'Boyd', 'Gosling', 'García',
  'Dubois', 'Kierkegaard', 'Müller', 'Rossi', 'Tanaka', 'Sharma', 'Mensah', 'Ivanova', 'Silva', 'Okafor', 'Chen',
];

export const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'contacts.test', 'corp.example'];

export interface SampleContact {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
}

/** Email local parts by first and last name index: normalised once per pair of names, not once per contact. */
const LOCAL_PARTS = FIRST_NAMES.map((first) =>
  LAST_NAMES.map((last) => `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase()),
);

/** The n-th sample contact; `run` keeps emails unique across repeated seedings. */
export function sampleContact(n: number, run: string): SampleContact {
  const firstIndex = n % FIRST_NAMES.length;
  const lastIndex = Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length;
  const first_name = FIRST_NAMES[firstIndex];
  const last_name = LAST_NAMES[lastIndex];
  const local = LOCAL_PARTS[firstIndex][lastIndex];
  const email = `${local}.${run}${n}@${DOMAINS[n % DOMAINS.length]}`;
  const digits = String(1_000_000 + ((n * 7_919) % 9_000_000)).padStart(7, '0');
  const phone = `+1-${200 + (n % 800)}-${digits.slice(0, 3)}-${digits.slice(3, 7)}`;
  return { first_name, last_name, email, phone };
}

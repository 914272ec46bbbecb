/** How to add the account on the clients people use most: a few taps each, no more (the panel is not a manual). */
export interface SyncClientSteps {
  id: string;
  client: string;
  steps: readonly string[];
}

/** What to type: "the user name" / "the app password" with accounts, "any user name" / "any password" without. */
export interface SyncCredentials {
  user: string;
  password: string;
}

/** The server URL and user name are shown above the steps, so the steps name them rather than repeat them. */
export function syncClientSteps({ user, password }: SyncCredentials): readonly SyncClientSteps[] {
  return [
    {
      id: 'ios',
      client: 'iPhone and iPad',
      steps: [
        'Settings → Apps → Contacts → Contacts Accounts → Add Account → Other → Add CardDAV Account (older iOS: Settings → Contacts → Accounts).',
        `Server: the server URL. User name: ${user}. Password: ${password}. Tap Next.`,
      ],
    },
    {
      id: 'macos',
      client: 'Mac (Contacts)',
      steps: [
        'Contacts → Settings → Accounts → + → Other Contacts Account… → CardDAV.',
        `Account type: Manual. Enter ${user}, ${password} and the server URL as the server address, then Sign In.`,
      ],
    },
    {
      id: 'android',
      client: 'Android (DAVx⁵)',
      steps: [
        'Install DAVx⁵ (F-Droid or Google Play), tap + and choose “Login with URL and user name”.',
        `Base URL: the server URL, with ${user} and ${password}. Tap Login, then tick the address books to sync.`,
      ],
    },
    {
      id: 'thunderbird',
      client: 'Thunderbird',
      steps: [
        'Address Book → the arrow beside New Address Book → Add CardDAV Address Book.',
        `Username: ${user}. Location: the server URL. Continue, give ${password} when asked, and choose the books.`,
      ],
    },
  ];
}

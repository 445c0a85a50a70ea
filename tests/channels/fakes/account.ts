// The account a connector test connects on a fake network that hands out its own token and serves its API at its
// own address (MAX, Telegram, OK): only the network and the account's public address differ between them.

/** The account at `url` on `fake`; OK adds its application keys to what this returns. */
export const tokenAccount =
  <N extends 'max' | 'telegram' | 'ok'>(network: N, url: string) =>
  (fake: { token: string; url: string }) => ({ network, url, token: fake.token, apiBaseUrl: fake.url });

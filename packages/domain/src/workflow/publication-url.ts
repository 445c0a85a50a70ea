// Where an answer was published must be a real link (http or https), and — for the networks whose addresses we know —
// a link of the case's own network: an answer is published in the same network and thread (REGULATIONS 8).
import type { Network } from './commands';

/** Host names of each network's addresses (a subdomain such as m.vk.com counts); absent: any host is accepted. */
const NETWORK_HOSTS: Readonly<Partial<Record<Network, readonly string[]>>> = {
  vk: ['vk.com', 'vk.ru', 'vkontakte.ru'],
  ok: ['ok.ru', 'odnoklassniki.ru'],
  telegram: ['t.me', 'telegram.me', 'telegram.org'],
  max: ['max.ru'],
  instagram: ['instagram.com'],
  facebook: ['facebook.com', 'fb.com'],
  twitter: ['twitter.com', 'x.com'],
};

/** An absolute http(s) address: scheme, a host name with a dot (optionally user@ and :port), then a path, query or
 *  fragment without spaces. The domain has no URL class (it runs without DOM or Node), hence the pattern. */
const HTTP_URL =
  /^https?:\/\/(?:[^\s/?#@]+@)?([a-z0-9\u00a0-\uffff](?:[a-z0-9\u00a0-\uffff-]*[a-z0-9\u00a0-\uffff])?(?:\.[a-z0-9\u00a0-\uffff](?:[a-z0-9\u00a0-\uffff-]*[a-z0-9\u00a0-\uffff])?)+)\.?(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** The host of `value` when it is an absolute http(s) link, else null. */
export function parseHttpUrl(value: string): { readonly hostname: string } | null {
  const m = HTTP_URL.exec(value.trim());
  return m?.[1] ? { hostname: m[1].toLowerCase() } : null;
}

export type PublicationUrlProblem = 'not-a-link' | 'other-network';

/** Why `value` cannot be the address of a publication in `network`, or null when it can. */
export function publicationUrlProblem(value: string, network: Network | null): PublicationUrlProblem | null {
  const url = parseHttpUrl(value);
  if (!url) return 'not-a-link';
  const hosts = network ? NETWORK_HOSTS[network] : undefined;
  if (!hosts) return null;
  const host = url.hostname;
  return hosts.some((h) => host === h || host.endsWith(`.${h}`)) ? null : 'other-network';
}

/** The hosts a network's publication links live on (for the message that names them). */
export function networkHosts(network: Network): readonly string[] {
  return NETWORK_HOSTS[network] ?? [];
}

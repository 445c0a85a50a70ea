// OK API request signing (apiok.ru, "Подпись запроса"): the parameters except access_token and sig, sorted by
// name and joined as name=value without separators, followed by md5(access_token + application secret key);
// sig is the lower-case md5 hex of that string.
import { createHash } from 'node:crypto';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

export function okSignature(params: Readonly<Record<string, string>>, accessToken: string, appSecret: string): string {
  const body = Object.keys(params)
    .filter((k) => k !== 'access_token' && k !== 'sig')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('');
  return md5(body + md5(accessToken + appSecret));
}

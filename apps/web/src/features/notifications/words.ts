// A notification's title and body in the reader's language: from its key through the notification catalogue
// (@otklik/contract); a notification stored before the keys (or a key this build does not know) gives the half of
// its two-language text.
import { notificationText } from '@otklik/contract';
import { pickLanguage } from '../../api/errors';
import type { NotificationItem } from '../../stores/notifications';

export function notificationWords(
  n: Pick<NotificationItem, 'key' | 'params' | 'title' | 'body'>,
  lang: 'ru' | 'en',
): { readonly title: string; readonly body: string } {
  return (
    (n.key ? notificationText(n.key, n.params, lang) : null) ?? {
      title: pickLanguage(n.title, lang),
      body: pickLanguage(n.body, lang),
    }
  );
}

// A text that survives reloads, conflicts and lost connections: kept in the browser per case and purpose until sent.
import { useEffect, useState } from 'react';

export function useSavedText(key: string, initial = ''): [string, (v: string) => void, () => void] {
  const storageKey = `otklik.text.${key}`;
  const [value, setValue] = useState(() => {
    try {
      return localStorage.getItem(storageKey) ?? initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      if (value) localStorage.setItem(storageKey, value);
      else localStorage.removeItem(storageKey);
    } catch {
      // Not saved locally; the text is still in the form.
    }
  }, [storageKey, value]);
  const clear = () => setValue('');
  return [value, setValue, clear];
}

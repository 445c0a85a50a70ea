// An "add" field (an attachment's link): Enter adds what was typed, instead of submitting the surrounding form.
import type { KeyboardEvent } from 'react';

/** The field's key handler: on Enter, `add` runs and the form is not submitted. */
export const enterAdds =
  (add: () => void) =>
  (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };

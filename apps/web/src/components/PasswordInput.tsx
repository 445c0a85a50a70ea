// A password box: what the browser may fill in it (the current password, a new one, or nothing) and its text.
// Inside a Field, the label's id and the error's aria attributes reach the input itself.
import type { InputHTMLAttributes } from 'react';

export function PasswordInput(
  props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'autoComplete'> & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly autoComplete: 'current-password' | 'new-password' | 'off';
  },
) {
  const { onChange, ...rest } = props;
  return <input {...rest} type="password" onChange={(e) => onChange(e.target.value)} />;
}

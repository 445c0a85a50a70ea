// The card of the pages before sign-in (sign-in, first run): the page's form with its heading and the language
// switch; the form is named by the heading.
import type { FormEvent, ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

export function SignInCard(props: {
  readonly id: string;
  readonly title: string;
  readonly className: string;
  readonly onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  readonly children: ReactNode;
}) {
  return (
    <main className="login-page" id="main">
      <form className={props.className} onSubmit={props.onSubmit} noValidate aria-labelledby={props.id}>
        <div className="login-head">
          <h1 id={props.id}>{props.title}</h1>
          <LanguageSwitch />
        </div>
        {props.children}
      </form>
    </main>
  );
}

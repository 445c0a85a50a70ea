// The set-up every browser test file shares: build the web app, start a server of its own, launch Chromium and, if
// asked, sign one person in through the login page; close and remove it all after the file. Call it inside the
// `describe`: it registers the hooks there, and the file's own `beforeAll` (seeding cases, opening pages) runs after.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import type { TestSession } from '../../support/typed-client';
import { signIn } from './api';
import { hasBrowser, launchBrowser, signedInPage } from './browser';
import { findPeople, type Named } from './people';
import { buildWeb, startTestServer, type TestServer } from './server';

export interface BrowserSuiteOptions {
  /** The login whose page (1440×900, signed in through the login page) is `suite.page`. */
  readonly page?: string;
  /** As `startTestServer`'s options: `demo: false` for a fresh installation, `env` for the server's environment. */
  readonly server?: Parameters<typeof startTestServer>[0];
  /** Runs first, before the server starts (e.g. a fake social network the server will talk to). */
  readonly before?: () => Promise<void>;
  /** The set-up's time limit in ms (vitest's default otherwise); a loaded machine starts the demo server slowly. */
  readonly timeout?: number;
}

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** The page of `options.page`'s person; a test file without that option has none. */
  readonly page: Page;
  /** A fresh browser context (cookies of its own) signed in as `login` through the login page. */
  signedIn(
    login: string,
    viewport?: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** An API session of the demo person `login`, signed in on first use and kept for the file. */
  api(login: string): Promise<TestSession>;
  /** The API sessions of several demo people, by login (each as `api` gives it). */
  apis<L extends string>(...logins: L[]): Promise<Record<L, TestSession>>;
}

export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const sessions = new Map<string, Promise<TestSession>>();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserSuite: ${what} is not set up (used before beforeAll ran?)`);
    return value;
  };

  beforeAll(async () => {
    await options.before?.();
    buildWeb();
    server = await startTestServer(options.server);
    browser = await launchBrowser();
    if (options.page) page = (await signedInPage(browser, server.url, options.page)).page;
  }, options.timeout);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const suite: BrowserSuite = {
    get server() {
      return ready(server, 'the server');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get page() {
      return ready(page, `the page (option page: ${options.page ?? 'not given'})`);
    },
    signedIn(login, viewport) {
      return signedInPage(ready(browser, 'the browser'), ready(server, 'the server').url, login, viewport);
    },
    api(login) {
      let session = sessions.get(login);
      if (!session) {
        session = signIn(ready(server, 'the server').url, login);
        sessions.set(login, session);
      }
      return session;
    },
    async apis(...logins) {
      const sessions = {} as Record<(typeof logins)[number], TestSession>;
      for (const login of logins) sessions[login] = await suite.api(login);
      return sessions;
    },
  };
  return suite;
}

/** A `describe` of browser tests: skipped where there is no browser to launch, its `suite` set up as browserSuite
 *  does (inside it, before the body's own hooks). */
export function describeInBrowser(title: string, body: (suite: BrowserSuite) => void): void;
export function describeInBrowser(
  title: string,
  options: BrowserSuiteOptions,
  body: (suite: BrowserSuite) => void,
): void;
export function describeInBrowser(
  title: string,
  ...args: [(suite: BrowserSuite) => void] | [BrowserSuiteOptions, (suite: BrowserSuite) => void]
): void {
  const [options, body] = args.length === 1 ? [{}, args[0]] : args;
  describe.skipIf(!hasBrowser)(title, () => body(browserSuite(options)));
}

/** The sessions a working-day test acts through (operator, curator, the ЖКХ executor) and the demo people `logins`
 *  (looked up as the curator sees them). */
export async function deskSessions(
  suite: BrowserSuite,
  logins: readonly string[],
): Promise<{ operator: TestSession; curator: TestSession; zhkh: TestSession; people: Record<string, Named> }> {
  const curator = await suite.api('curator');
  return {
    operator: await suite.api('operator'),
    curator,
    zhkh: await suite.api('zhkh'),
    people: await findPeople(curator, logins),
  };
}

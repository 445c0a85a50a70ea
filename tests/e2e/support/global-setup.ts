// Once per run of the browser project: the web app is built here, and each file's `buildWeb()` then finds it built
// (the workers start after this and inherit OTKLIK_E2E_SKIP_BUILD).
import { buildWeb } from './server';

export default function setup(): void {
  buildWeb();
  process.env.OTKLIK_E2E_SKIP_BUILD = '1';
}

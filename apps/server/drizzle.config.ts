// drizzle-kit configuration: `pnpm db:generate` writes SQL migrations to ./drizzle from src/db/schema.ts and the realtime, scheduler and reports tables.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/db/schema.ts',
    './src/realtime/schema.ts',
    './src/scheduler/schema.ts',
    './src/db/schema-reports.ts',
    './src/calendar/schema.ts',
    './src/mail/schema.ts',
    './src/db/schema-security.ts',
  ],
  out: './drizzle',
  casing: 'snake_case',
});

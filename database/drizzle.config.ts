import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration after a schema change; commit its output.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./database/schema.ts', './database/schema-school.ts', './database/schema-sync.ts'],
  out: './database/migrations',
});

import { defineConfig } from 'prisma/config';

/** Prisma 7 reads the schema location and connection URL from here instead of schema.prisma. */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Optional: `prisma generate` (run at install time) needs no database.
  datasource: { url: process.env.DATABASE_URL },
});

import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

let client: PrismaClient | undefined;

/** The process-wide Prisma client, connected to process.env.DATABASE_URL through node-postgres. */
export function getDb(): PrismaClient {
  if (client) return client;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set; it must name the Postgres database Parley stores flows in');
  }
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  return client;
}

/** Disconnects the shared client; the next getDb() connects afresh (e.g. to a new DATABASE_URL). */
export async function closeDb(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.$disconnect();
}

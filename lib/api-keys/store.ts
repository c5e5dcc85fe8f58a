import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { apiKeys, users, type ApiKey, type ApiKeyScope } from "../../db/schema";
import { generateApiKey, hashApiKey } from "./tokens";

/** Creates a key; the key itself is returned once and never stored. */
export async function createApiKey(db: Database, input: { name: string; scopes: ApiKeyScope[]; createdById?: string | null }) {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({ name: input.name, scopes: input.scopes, prefix, keyHash: hash, createdById: input.createdById ?? null })
    .returning();
  return { key, apiKey: row! };
}

export async function listApiKeys(db: Database) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  for (const [hash, entry] of verified) if (entry.key.id === id) verified.delete(hash);
  return rows.length > 0;
}

/**
 * How long this process trusts a key it has verified without asking the database again: an
 * integration sending batches back to back would otherwise pay a lookup on every request. A key
 * revoked in this process stops working at once; one revoked from another (the command line)
 * stops within this time.
 */
export const VERIFIED_KEY_TTL_MS = 5_000;
const verified = new Map<string, { key: ApiKey; until: number }>();

/** The active key a bearer token belongs to, or undefined. */
export async function findActiveApiKey(db: Database, token: string, now = Date.now()): Promise<ApiKey | undefined> {
  const hash = hashApiKey(token);
  const hit = verified.get(hash);
  if (hit && hit.until > now) return hit.key;
  verified.delete(hash);
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (row) verified.set(hash, { key: row, until: now + VERIFIED_KEY_TTL_MS });
  return row;
}

const TOUCH_EVERY_MS = 60_000;
const touchedAt = new Map<string, number>();

/** Records use at most once a minute per key, so a busy integration does not write on every call. */
export async function touchApiKey(db: Database, id: string, now = new Date()): Promise<void> {
  if (now.getTime() - (touchedAt.get(id) ?? -Infinity) < TOUCH_EVERY_MS) return;
  touchedAt.set(id, now.getTime());
  const minuteAgo = new Date(now.getTime() - TOUCH_EVERY_MS);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, minuteAgo))));
}

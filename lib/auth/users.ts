import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { authAccounts, users, type User } from "../../db/schema";
import type { UserRole } from "../../db/schema/enums";
import { normalizeEmail } from "../email";

export async function findUserForSignIn(email: string): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, normalizeEmail(email))).limit(1);
  return user;
}

export async function findActiveUserById(id: string): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)))
    .limit(1);
  return user;
}

/**
 * Single sign-on: the identity already linked, else the user with that email (linked now),
 * else a new user with the configured default role.
 */
export async function findOrLinkOidcUser(input: {
  provider: string;
  providerAccountId: string;
  type: string;
  email: string | null;
  name: string | null;
  defaultRole: UserRole;
}): Promise<User | null> {
  const db = await getDb();
  const [linked] = await db
    .select({ user: users })
    .from(authAccounts)
    .innerJoin(users, eq(users.id, authAccounts.userId))
    .where(and(eq(authAccounts.provider, input.provider), eq(authAccounts.providerAccountId, input.providerAccountId)))
    .limit(1);
  if (linked) return linked.user.deactivatedAt ? null : linked.user;
  if (!input.email) return null;
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (user?.deactivatedAt) return null;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email, name: input.name ?? email, role: input.defaultRole })
        .returning();
    }
    await tx
      .insert(authAccounts)
      .values({ userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId, type: input.type })
      .onConflictDoNothing();
    return user;
  });
}

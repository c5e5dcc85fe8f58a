import { randomUUID } from "node:crypto";
import type { Database } from "./client";
import { accounts, contacts, engagementEvents, users, type NewContact, type NewEngagementEvent } from "./schema";
import type { UserRole } from "./schema/enums";

/** Small builders for integration tests: each test makes exactly the data it asserts on. */
export async function insertUser(db: Database, values: { role: UserRole; name?: string; email?: string }) {
  const [user] = await db
    .insert(users)
    .values({ name: values.name ?? `${values.role} user`, email: values.email ?? `${values.role}-${randomUUID()}@test.dev`, role: values.role })
    .returning();
  return user!;
}

export async function insertAccount(db: Database, values: { name: string; domain?: string; industry?: string; employees?: number }) {
  const [account] = await db
    .insert(accounts)
    .values({ name: values.name, domain: values.domain ?? `${values.name.toLowerCase().replace(/\W+/g, "")}.test`, industry: values.industry, employees: values.employees })
    .returning();
  return account!;
}

export async function insertContact(db: Database, values: Partial<NewContact> & { email: string }) {
  const [contact] = await db.insert(contacts).values(values).returning();
  return contact!;
}

let externalId = 0;
export async function insertEvents(db: Database, rows: (Omit<NewEngagementEvent, "source" | "externalId"> & { source?: string })[]) {
  if (rows.length === 0) return [];
  return db
    .insert(engagementEvents)
    .values(rows.map((r) => ({ ...r, source: r.source ?? "test", externalId: `e${++externalId}-${randomUUID()}` })))
    .returning();
}

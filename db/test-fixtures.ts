import { randomUUID } from "node:crypto";
import type { Database } from "./client";
import { eq } from "drizzle-orm";
import { accounts, contacts, contactScores, engagementEvents, users, type ContactScores, type NewContact, type NewEngagementEvent } from "./schema";
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

type ScoreValues = Partial<Omit<ContactScores, "contactId">>;

/** A contact; `fitScore`, `engagementScore`, `lastActivityAt`… go to its contact_scores row. */
export async function insertContact(db: Database, values: Partial<NewContact> & ScoreValues & { email: string }) {
  const { fitScore, engagementScore, modelVersionId, scoredAt, lastActivityAt, unsubscribedAt, ...contact } = values;
  const [row] = await db.insert(contacts).values(contact).returning();
  const scores = Object.fromEntries(
    Object.entries({ fitScore, engagementScore, modelVersionId, scoredAt, lastActivityAt, unsubscribedAt }).filter(([, v]) => v !== undefined),
  );
  if (Object.keys(scores).length > 0) await db.update(contactScores).set(scores).where(eq(contactScores.contactId, row!.id));
  return row!;
}

let externalId = 0;
export async function insertEvents(db: Database, rows: (Omit<NewEngagementEvent, "source" | "externalId"> & { source?: string })[]) {
  if (rows.length === 0) return [];
  return db
    .insert(engagementEvents)
    .values(rows.map((r) => ({ ...r, source: r.source ?? "test", externalId: `e${++externalId}-${randomUUID()}` })))
    .returning();
}

import { randomUUID } from "node:crypto";
import type { Database } from "./client";
import { eq } from "drizzle-orm";
import {
  accounts,
  contactRefreshQueue,
  contacts,
  contactScores,
  engagementEvents,
  routingRules,
  territories,
  territoryMembers,
  users,
  type ContactScores,
  type NewContact,
  type NewEngagementEvent,
} from "./schema";
import type { RoutingConditions } from "./schema/routing";
import type { UserRole } from "./schema/enums";

/** Small builders for integration tests: each test makes exactly the data it asserts on. */
export async function insertUser(db: Database, values: { role: UserRole; name?: string; email?: string; timezone?: string }) {
  const [user] = await db
    .insert(users)
    .values({
      name: values.name ?? `${values.role} user`,
      email: values.email ?? `${values.role}-${randomUUID()}@test.dev`,
      role: values.role,
      timezone: values.timezone ?? "UTC",
    })
    .returning();
  return user!;
}

/** A territory of reps, with the routing rule that sends leads matching `conditions` to it. */
export async function insertTerritory(
  db: Database,
  values: { name: string; repIds: string[]; conditions?: RoutingConditions; priority?: number; slaPolicyId?: string },
) {
  const [territory] = await db.insert(territories).values({ name: values.name, slaPolicyId: values.slaPolicyId }).returning();
  if (values.repIds.length) await db.insert(territoryMembers).values(values.repIds.map((userId) => ({ territoryId: territory!.id, userId })));
  const [rule] = await db
    .insert(routingRules)
    .values({ name: `${values.name} rule`, priority: values.priority ?? 10, conditions: values.conditions ?? {}, territoryId: territory!.id })
    .returning();
  return { territory: territory!, rule: rule! };
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
/** Stores events and, as ingest does, queues their contacts for a refresh of what the events derive. */
export async function insertEvents(db: Database, rows: (Omit<NewEngagementEvent, "source" | "externalId"> & { source?: string })[]) {
  if (rows.length === 0) return [];
  const stored = await db
    .insert(engagementEvents)
    .values(rows.map((r) => ({ ...r, source: r.source ?? "test", externalId: `e${++externalId}-${randomUUID()}` })))
    .returning();
  await db.insert(contactRefreshQueue).values({ contactIds: [...new Set(stored.map((e) => e.contactId))] });
  return stored;
}

import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { userAvailability, users } from "../schema";

export async function listUsersWithAvailability() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      timezone: users.timezone,
      deactivatedAt: users.deactivatedAt,
      isAvailable: userAvailability.isAvailable,
      maxOpenMqls: userAvailability.maxOpenMqls,
      openMqls: sql<number>`(select count(*)::int from mql_records m where m.assigned_rep_id = ${users.id} and m.status in ('mql', 'sal'))`,
    })
    .from(users)
    .leftJoin(userAvailability, eq(userAvailability.userId, users.id))
    .orderBy(asc(users.role), asc(users.name));
}

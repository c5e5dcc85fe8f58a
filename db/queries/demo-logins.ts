import "server-only";
import { and, asc, isNull, like } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";
import { ROLE_LABELS } from "@/lib/auth/permissions";

/** The demo data set's password; shown on the sign-in page only while demo users exist. */
export { DEMO_PASSWORD } from "../seed/seed-demo";
const DEMO_DOMAIN = "@handoff.demo";
const DEMO_PRIMARY = ["admin", "marketer", "sdr", "sales"].map((p) => `${p}${DEMO_DOMAIN}`);

export async function listDemoLogins() {
  const db = await getDb();
  const rows = await db
    .select({ email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(like(users.email, `%${DEMO_DOMAIN}`), isNull(users.deactivatedAt)))
    .orderBy(asc(users.email));
  return rows
    .filter((r) => DEMO_PRIMARY.includes(r.email))
    .map((r) => ({ email: r.email, name: r.name, role: ROLE_LABELS[r.role] }));
}

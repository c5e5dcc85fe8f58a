import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";

/** False on a brand-new install, which then offers the first-run setup page. */
export async function hasAnyUser(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

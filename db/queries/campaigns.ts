import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { campaigns } from "../schema";

export async function getCampaignName({ id }: { id: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return row?.name ?? null;
}

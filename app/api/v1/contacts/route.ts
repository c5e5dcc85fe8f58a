import { readJsonBody } from "@/lib/api/read-json-body";
import { parseBatch } from "@/lib/api/batch";
import { v1Handler } from "@/lib/api/v1-handler";
import { upsertContacts } from "@/lib/ingest/contacts";
import { requestContactRefresh } from "@/lib/ingest/refresh-jobs";
import { contactInputSchema, contactsBatchSchema } from "@/lib/ingest/schemas";

/** Upsert contacts by email, with their account inline. */
export const POST = v1Handler("ingest", async ({ request, db }) => {
  const body = await readJsonBody(request);
  const { valid, errors } = parseBatch(body, contactsBatchSchema, "contacts", contactInputSchema);
  const upserted = await upsertContacts(db, valid.map((v) => v.value));
  if (upserted.length) await requestContactRefresh();
  const results = [
    ...upserted.map((r) => ({ index: valid[r.index]!.index, id: r.id, email: r.email, status: r.status })),
    ...errors.map((e) => ({ ...e, email: emailOf(body, e.index) })),
  ].sort((a, b) => a.index - b.index);
  return Response.json({ results });
});

function emailOf(body: unknown, index: number): string | undefined {
  const item = (body as { contacts: unknown[] }).contacts[index] as { email?: unknown } | undefined;
  return typeof item?.email === "string" ? item.email : undefined;
}

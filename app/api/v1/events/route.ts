import { parseBatch } from "@/lib/api/batch";
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Handler } from "@/lib/api/v1-handler";
import { appendEvents } from "@/lib/ingest/events";
import { requestContactRefresh } from "@/lib/ingest/refresh-jobs";
import { eventInputSchema, eventsBatchSchema } from "@/lib/ingest/schemas";

/** Append timeline events; `(source, id)` is stored once however often it is sent. */
export const POST = v1Handler("ingest", async ({ request, db }) => {
  const body = await readJsonBody(request);
  const { valid, errors } = parseBatch(body, eventsBatchSchema, "events", eventInputSchema);
  const appended = await appendEvents(db, valid.map((v) => v.value));
  if (appended.some((r) => r.status === "stored")) await requestContactRefresh();
  const results = [...appended.map((r) => ({ ...r, index: valid[r.index]!.index })), ...errors].sort((a, b) => a.index - b.index);
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return Response.json({ stored: count("stored"), duplicates: count("duplicate"), errors: count("error"), results });
});

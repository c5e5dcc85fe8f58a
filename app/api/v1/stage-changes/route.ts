import { parseBatch } from "@/lib/api/batch";
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Handler } from "@/lib/api/v1-handler";
import { applyStageChanges } from "@/lib/ingest/stage-changes";
import { stageChangeInputSchema, stageChangesBatchSchema } from "@/lib/ingest/schemas";

/** Lifecycle changes from a CRM, with their real timestamps; past-dated ones are history. */
export const POST = v1Handler("ingest", async ({ request, db, apiKey }) => {
  const body = await readJsonBody(request);
  const { valid, errors } = parseBatch(body, stageChangesBatchSchema, "changes", stageChangeInputSchema);
  const applied = await applyStageChanges(
    db,
    valid.map((v) => v.value),
    { type: "api_key", apiKeyId: apiKey.id },
  );
  const results = [...applied.map((r) => ({ ...r, index: valid[r.index]!.index })), ...errors].sort((a, b) => a.index - b.index);
  return Response.json({ results });
});

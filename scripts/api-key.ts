/**
 * API keys from the command line, for scripts and tests:
 *   npm run api-key -- create --name NAME --scope ingest,read   (the key is printed alone on the last line)
 *   npm run api-key -- list
 *   npm run api-key -- revoke --id ID
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { API_KEY_SCOPES } from "../db/schema";
import { createApiKey, listApiKeys, revokeApiKey } from "../lib/api-keys/store";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, scope: { type: "string" }, id: { type: "string" } },
});

const createSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name with --name").max(100),
  scope: z
    .string({ message: `Give scopes with --scope, e.g. --scope ingest,read (any of ${API_KEY_SCOPES.join(", ")})` })
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(API_KEY_SCOPES, { message: `Scopes are ${API_KEY_SCOPES.join(", ")}` })).min(1)),
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const command = positionals[0];
if (!command || !["create", "list", "revoke"].includes(command)) fail("Usage: npm run api-key -- create --name NAME --scope ingest,read | list | revoke --id ID");

const handle = await openDatabase({ max: 1 });
try {
  await migrateDatabase(handle);
  if (command === "create") {
    const parsed = createSchema.safeParse(values);
    if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("\n"));
    const { key, apiKey } = await createApiKey(handle.db, { name: parsed.data.name, scopes: [...new Set(parsed.data.scope)] });
    console.log(`Created API key "${apiKey.name}" (${apiKey.scopes.join(", ")}), id ${apiKey.id}. It is shown once:`);
    console.log(key);
  } else if (command === "list") {
    for (const k of await listApiKeys(handle.db)) {
      console.log(
        [k.id, k.prefix + "…", k.name, k.scopes.join(","), k.revokedAt ? "revoked" : "active", k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : "never used"].join("  "),
      );
    }
  } else {
    const id = z.uuid("Give the key's id with --id").safeParse(values.id);
    if (!id.success) fail(id.error.issues[0]!.message);
    console.log((await revokeApiKey(handle.db, id.data)) ? "Revoked." : "No active key with that id.");
  }
} finally {
  await handle.close();
}

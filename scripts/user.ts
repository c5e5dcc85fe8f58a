/**
 * Manages sign-in users from the command line, e.g. the first admin of a server install.
 *
 *   npm run user -- create --email E --role admin|marketer|sdr|sales [--name N] [--password P]
 *   npm run user -- list
 *
 * Without --password a strong one is generated and printed once. Works on a fresh database:
 * migrations and workspace defaults are applied first.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { users } from "../db/schema";
import { userRole } from "../db/schema/enums";
import { ensureWorkspaceDefaults } from "../db/seed/defaults";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { normalizeEmail } from "../lib/email";

const USAGE = `Usage:
  npm run user -- create --email E --role ${userRole.enumValues.join("|")} [--name N] [--password P]
  npm run user -- list`;

class UsageError extends Error {}

const createSchema = z.object({
  email: z.email({ error: (issue) => (issue.input ? `"${issue.input}" is not an email address` : "--email is required") }).transform(normalizeEmail),
  role: z.enum(userRole.enumValues, { error: `--role must be one of ${userRole.enumValues.join(", ")}` }),
  name: z.string().trim().min(1, "--name cannot be empty").max(120, "--name is too long").optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `--password must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200).optional(),
});

/** "jane.doe@acme.com" → "Jane Doe": a readable default the person can change later. */
function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf("@"));
  const words = local.split(/[._-]+/).filter(Boolean);
  return words.length > 0 ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(" ") : email;
}

function generatePassword(): string {
  // 144 random bits, URL-safe so it survives copy and paste from a terminal.
  return randomBytes(18).toString("base64url");
}

async function createUser(db: Database, argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    strict: true,
  });
  const parsed = createSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("\n"));
  const input = parsed.data;

  const [existing] = await db
    .select({ role: users.role })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email))
    .limit(1);
  if (existing) throw new Error(`A user with the email ${input.email} already exists (role ${existing.role}).`);

  const password = input.password ?? generatePassword();
  const name = input.name ?? nameFromEmail(input.email);
  try {
    await db.insert(users).values({ email: input.email, name, role: input.role, passwordHash: await hashPassword(password) });
  } catch (error) {
    // Someone created the same address between the check and the insert.
    if ((error as { code?: string }).code === "23505" || /users_email_lower_idx/.test(String(error))) {
      throw new Error(`A user with the email ${input.email} already exists.`);
    }
    throw error;
  }
  console.log(`Created ${input.role} ${input.email} (${name}).`);
  if (!input.password) console.log(`Password (shown only now, store it somewhere safe): ${password}`);
}

async function listUsers(db: Database): Promise<void> {
  const rows = await db
    .select({ email: users.email, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.role), asc(users.email));
  if (rows.length === 0) {
    console.log("No users yet. Create the first admin with: npm run user -- create --email you@example.com --role admin");
    return;
  }
  const width = Math.max(5, ...rows.map((r) => r.email.length));
  const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
  console.log(`${"EMAIL".padEnd(width)}  ${"NAME".padEnd(nameWidth)}  ${"ROLE".padEnd(8)}  STATUS       CREATED`);
  for (const r of rows) {
    const status = r.deactivatedAt ? "deactivated" : "active";
    console.log(`${r.email.padEnd(width)}  ${r.name.padEnd(nameWidth)}  ${r.role.padEnd(8)}  ${status.padEnd(11)}  ${r.createdAt.toISOString().slice(0, 10)}`);
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "create" && command !== "list") {
  console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  process.exit(2);
}

const handle = await openDatabase({ max: 1 });
let exitCode = 0;
try {
  await migrateDatabase(handle);
  await ensureWorkspaceDefaults(handle.db);
  if (command === "create") await createUser(handle.db, rest);
  else await listUsers(handle.db);
} catch (error) {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  console.error(usage ? `${(error as Error).message}\n\n${USAGE}` : `${(error as Error).message}${cause ? `\n  caused by: ${cause}` : ""}`);
  exitCode = usage ? 2 : 1;
} finally {
  await handle.close();
}
process.exit(exitCode);

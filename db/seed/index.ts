export { seedDemo, DEFAULT_DEMO_SIZE, DEMO_PASSWORD, DEMO_SDR_EMAIL, type SeedOptions, type SeedSummary } from "./seed-demo";
export { ensureWorkspaceDefaults, DEFAULT_REJECTION_REASONS, DEFAULT_SLA_POLICY } from "./defaults";
export { wipeDatabase, isLocalDatabase, describeDatabase, SeedRefusedError } from "./reset";
export { copyRows, csvLine, jsonb, inTransaction, runnerFor, type SqlRunner, type CsvValue } from "./bulk-copy";

import { createReadStream, createWriteStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { once } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { getImportJob } from "@/db/queries/imports";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";

const dataDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/handoff-import-large-${process.pid}-${Date.now()}`;
  process.env.DATA_DIR = dir;
  return dir;
});
const { mkdirSync, rmSync } = await import("node:fs");
const { countRows } = await import("./import-test-helpers");
const { openCsvRecords } = await import("./csv-file-reader");
const { startImport } = await import("./start-import");
const { importSettled } = await import("./import-queue");

const ROWS = 50_000;
const file = `${dataDir}/large.csv`;
let handle: DatabaseHandle;
let userId: string;

// A full collection before each sample measures what the import holds, not garbage awaiting GC.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** 50,000 contacts with a long ignored column: about 50 MB, written without holding it in memory. */
async function writeLargeCsv() {
  mkdirSync(dataDir, { recursive: true });
  const out = createWriteStream(file);
  const padding = "x".repeat(900);
  out.write("Email,First Name,Company Domain Name,Notes\r\n");
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`person${i}@company${i % 500}.test,Person ${i},company${i % 500}.test,"${padding} ${i}"\r\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  userId = (await insertUser(handle.db, { role: "admin" })).id;
  await writeLargeCsv();
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a large file", () => {
  it("is read as a stream: the parser has seen only the start of the file when the first rows arrive", async () => {
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(45 * 1024 * 1024);
    const reader = openCsvRecords(file, ",");
    let seen = 0;
    for await (const _record of reader.records) if (++seen === 20) break;
    expect(reader.bytesRead()).toBeLessThan(2 * 1024 * 1024);
  });

  it(`imports ${ROWS.toLocaleString("en")} rows with memory bounded far below the file's size`, { timeout: 300_000 }, async () => {
    const size = statSync(file).size;
    const baseline = retainedHeap();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, retainedHeap());
    }, 250);
    try {
      const job = await startImport({
        params: { kind: "contacts", fileName: "large.csv", delimiter: ",", dateFormat: "iso", mapping: { Email: "email", "First Name": "firstName", "Company Domain Name": "account.domain" } },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
        contentLength: size,
        userId,
      });
      await importSettled(job.id);
      const done = (await getImportJob({ id: job.id }))!;
      expect(done).toMatchObject({ status: "completed", rowsProcessed: ROWS, createdCount: ROWS, failedCount: 0, processedBytes: size, totalBytes: size });
    } finally {
      clearInterval(sampler);
    }
    expect(await countRows(handle.db, "contacts")).toBe(ROWS);
    expect(await countRows(handle.db, "accounts")).toBe(500);
    // The whole file in memory would be ~50 MB as bytes and about twice that as JS strings.
    expect(peak - baseline).toBeLessThan(size / 10);
  });
});

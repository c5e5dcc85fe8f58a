import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env } from "../env";
import { AppError } from "../http/errors";

/** Uploads above this are refused with 413 (a 200 MB CRM export fits with room to spare). */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

export function importsDir(): string {
  return path.join(env().dataDir, "imports");
}

export function importFilePath(jobId: string): string {
  return path.join(importsDir(), `${jobId}.csv`);
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large:import", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller files and import them one after the other.`);
}

/**
 * Streams a request body to `target` chunk by chunk (never the whole file in memory), stopping
 * with 413 as soon as it passes `maxBytes`. Written to a `.part` file first, so a broken upload
 * never leaves a file that looks complete.
 */
export async function saveUpload(body: ReadableStream<Uint8Array> | null, target: string, maxBytes = MAX_IMPORT_BYTES): Promise<number> {
  if (!body) throw new AppError("bad_request:import", "The request has no file in its body.");
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part`;
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(tooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request:import", "The upload was interrupted before the whole file arrived. Try again.");
  }
  if (bytes === 0) {
    await rm(partial, { force: true });
    throw new AppError("bad_request:import", "The file is empty.");
  }
  await rename(partial, target);
  return bytes;
}

export async function removeImportFile(jobId: string): Promise<void> {
  await rm(importFilePath(jobId), { force: true });
}

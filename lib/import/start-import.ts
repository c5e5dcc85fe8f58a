import "server-only";
import { randomUUID } from "node:crypto";
import { insertImportJob } from "../../db/queries/imports";
import { AppError } from "../http/errors";
import type { ImportUploadParams } from "../validation/imports";
import { sanitizeMapping } from "./column-mapping";
import { readCsvHeader } from "./csv-file-reader";
import { normalizeHeaders } from "./csv-headers";
import { IMPORT_KIND_LABELS, isMappingTarget, missingRequiredFields } from "./import-fields";
import { importFilePath, MAX_IMPORT_BYTES, removeImportFile, saveUpload, tooLarge } from "./import-files";
import { enqueueImport, importRunnerId } from "./import-queue";
import { rememberMapping } from "./saved-mappings";

const badRequest = (message: string) => new AppError("bad_request:import", message);

/**
 * Receives an upload: streams it to disk, checks its header row against the mapping, then creates
 * the job, remembers the mapping and queues the import. Anything wrong is a 400/413 before a job
 * exists, and the file is removed.
 */
export async function startImport({
  params,
  body,
  contentLength,
  userId,
  maxBytes = MAX_IMPORT_BYTES,
}: {
  params: ImportUploadParams;
  body: ReadableStream<Uint8Array> | null;
  contentLength: number | null;
  userId: string;
  maxBytes?: number;
}) {
  if (contentLength !== null && contentLength > maxBytes) throw tooLarge(maxBytes);
  const id = randomUUID();
  const totalBytes = await saveUpload(body, importFilePath(id), maxBytes);
  try {
    const headerRow = await readCsvHeader(importFilePath(id), params.delimiter);
    if (!headerRow) throw badRequest("The file has no header row: its first line should name the columns.");
    const headers = normalizeHeaders(headerRow);
    const mapped = Object.entries(params.mapping).filter(([, target]) => target !== "");
    const absent = mapped.map(([header]) => header).filter((h) => !headers.includes(h));
    if (absent.length) {
      throw badRequest(`The file has no column ${absent.map((h) => `“${h}”`).join(", ")}. Was a different file chosen after the preview?`);
    }
    const wrong = mapped.filter(([, target]) => !isMappingTarget(params.kind, target));
    if (wrong.length) {
      throw badRequest(`${wrong.map(([h, t]) => `“${h}” → “${t}”`).join(", ")}: not a field of ${IMPORT_KIND_LABELS[params.kind].title.toLowerCase()}.`);
    }
    const mapping = sanitizeMapping(params.kind, headers, params.mapping);
    const missing = missingRequiredFields(params.kind, mapping);
    if (missing.length) throw badRequest(missing.join(" "));

    const job = await insertImportJob({
      job: {
        id,
        kind: params.kind,
        fileName: params.fileName,
        headers,
        mapping,
        delimiter: params.delimiter,
        dateFormat: params.dateFormat,
        totalBytes,
        runnerId: importRunnerId(),
        createdBy: userId,
      },
    });
    await rememberMapping(params.kind, headers, mapping, params.dateFormat);
    void enqueueImport(id);
    return job;
  } catch (error) {
    await removeImportFile(id);
    throw error;
  }
}

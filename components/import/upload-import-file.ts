"use client";
import type { ColumnMapping, ImportDateFormat } from "@/db/schema/imports";
import type { ImportKind } from "@/lib/import/import-fields";
import type { ImportJobView } from "@/lib/import/import-job-view";
import type { CsvDelimiter } from "./read-csv-preview";

export type UploadRequest = {
  file: File;
  kind: ImportKind;
  mapping: ColumnMapping;
  delimiter: CsvDelimiter;
  dateFormat: ImportDateFormat;
  onProgress: (sentBytes: number, totalBytes: number) => void;
};

/**
 * Sends the file as the request body. XMLHttpRequest rather than fetch because only it reports
 * upload progress, which a 200 MB file needs; the browser streams the File from disk either way.
 */
export function uploadImportFile({ file, kind, mapping, delimiter, dateFormat, onProgress }: UploadRequest): {
  done: Promise<ImportJobView>;
  abort: () => void;
} {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ kind, fileName: file.name, delimiter, dateFormat, mapping: JSON.stringify(mapping) });
  const done = new Promise<ImportJobView>((resolve, reject) => {
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status === 202 && body?.import) resolve(body.import as ImportJobView);
      else reject(new Error(body?.error?.message ?? `The upload was refused (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The upload failed: check your connection and try again."));
    xhr.onabort = () => reject(new Error("The upload was cancelled."));
  });
  xhr.open("POST", `/api/imports?${query}`);
  xhr.setRequestHeader("content-type", "text/csv");
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}

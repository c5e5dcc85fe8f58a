import { z } from "zod";
import { IMPORT_KINDS } from "../import/import-fields";

/** Zod schemas of the import route handlers (query strings and JSON bodies). */

const headerName = z.string().max(200, "Column names are limited to 200 characters");

export const importKindSchema = z.enum(IMPORT_KINDS, { message: "Choose contacts, events or stage_changes" });
export const dateFormatSchema = z.enum(["iso", "mdy", "dmy"], { message: "The date format is iso, mdy or dmy" });
export const delimiterSchema = z.enum([",", ";", "\t", "|"], { message: "The delimiter is a comma, semicolon, tab or pipe" });

export const columnMappingSchema = z
  .record(headerName, z.string().max(100))
  .refine((m) => Object.keys(m).length <= 1000, { message: "At most 1,000 mapped columns" });

/** `POST /api/imports?kind=…&fileName=…&delimiter=…&dateFormat=…&mapping=<JSON>`, the file as the body. */
export const importUploadParamsSchema = z.object({
  kind: importKindSchema,
  fileName: z.string().trim().min(1, "Give the file name").max(255, "The file name is too long"),
  delimiter: delimiterSchema.default(","),
  dateFormat: dateFormatSchema.default("iso"),
  mapping: z
    .string({ message: "Send the column mapping" })
    .max(64_000, "The column mapping is too large")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The column mapping is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(columnMappingSchema),
});
export type ImportUploadParams = z.infer<typeof importUploadParamsSchema>;

/** `POST /api/imports/saved-mapping`: the mapping last used for this kind and these headers. */
export const savedMappingLookupSchema = z.object({
  kind: importKindSchema,
  headers: z.array(headerName).min(1, "Send the file's headers").max(1000, "At most 1,000 columns"),
});

export const recentImportsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

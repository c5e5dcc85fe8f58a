import { z } from "zod";

/**
 * Zod fragments shared by pages, route handlers and server actions, so that a filter or a cursor
 * means the same thing everywhere.
 */

/** Keyset cursors are opaque to clients: base64url of `[sortValue, id]`. */
export type Cursor = [value: string | number | null, id: string | number];

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export const cursorSchema = z
  .string()
  .max(500)
  .transform((s, ctx): Cursor => {
    try {
      const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
      if (Array.isArray(v) && v.length === 2 && (typeof v[1] === "string" || typeof v[1] === "number")) return v as Cursor;
    } catch {
      /* fall through */
    }
    ctx.addIssue({ code: "custom", message: "Invalid cursor" });
    return z.NEVER;
  });

export const uuidSchema = z.uuid("Not a valid id");

/** A 0–100 score bound from a query string; empty means unbounded. */
export const scoreBoundSchema = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
  z.number().min(0, "Scores start at 0").max(100, "Scores end at 100").optional(),
);

export const pageSizeSchema = z.coerce.number().int().min(1).max(200).default(50);

/** Turns URLSearchParams or Next's searchParams object into a plain record (first value wins). */
export function searchParamsRecord(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) out[k] ??= v;
    return out;
  }
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first !== "") out[k] = first;
  }
  return out;
}

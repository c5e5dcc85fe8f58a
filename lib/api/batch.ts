import { z } from "zod";
import { AppError } from "../http/errors";
import { describeIssues, MAX_BATCH_ITEMS } from "../ingest/schemas";

export type ItemError = { index: number; status: "error"; error: string };

/**
 * Checks a batch envelope, then each item on its own: the valid items go on, each invalid one
 * becomes an error result at its index, so one bad item never blocks the good ones.
 */
export function parseBatch<T>(
  body: unknown,
  envelope: z.ZodType<Record<string, unknown[]>>,
  field: string,
  item: z.ZodType<T>,
): { valid: { index: number; value: T }[]; errors: ItemError[] } {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new AppError(`bad_request:${field}`, describeIssues(parsed.error));
  const items = parsed.data[field]!;
  if (items.length > MAX_BATCH_ITEMS) {
    throw new AppError(`payload_too_large:${field}`, `At most ${MAX_BATCH_ITEMS} ${field} per request; this one has ${items.length}.`);
  }
  const valid: { index: number; value: T }[] = [];
  const errors: ItemError[] = [];
  items.forEach((raw, index) => {
    const result = item.safeParse(raw);
    if (result.success) valid.push({ index, value: result.data });
    else errors.push({ index, status: "error", error: describeIssues(result.error) });
  });
  return { valid, errors };
}

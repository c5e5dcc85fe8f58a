import { z } from "zod";
import { cursorSchema, uuidSchema } from "./common";

export const QUEUE_SORTS = ["score", "sla"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** How long ago the lead qualified. */
export const QUEUE_AGES = { today: "Today", "3d": "Last 3 days", "7d": "Last 7 days", older: "Older than 7 days" } as const;
export type QueueAge = keyof typeof QUEUE_AGES;

/** The queue's URL: order, filters and page. Unknown values fall back to the defaults. */
export const queueFiltersSchema = z.object({
  sort: z.enum(QUEUE_SORTS).catch("score").default("score"),
  segment: z.string().trim().max(100).optional(),
  source: z.string().trim().max(100).optional(),
  age: z.enum(Object.keys(QUEUE_AGES) as [QueueAge, ...QueueAge[]]).optional().catch(undefined),
  overdue: z
    .enum(["1", "true"])
    .optional()
    .catch(undefined)
    .transform((v) => v !== undefined),
  /** Admins: one rep's queue. */
  rep: uuidSchema.optional().catch(undefined),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

import { z } from "zod";
import { lifecycleStage } from "../../db/schema/enums";
import { cursorSchema, pageSizeSchema, scoreBoundSchema, uuidSchema } from "./common";

export const CONTACT_SORTS = ["created", "fit", "engagement", "activity"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const contactListFiltersSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    stage: z.enum(lifecycleStage.enumValues).optional(),
    /** A user id, or "none" for unowned contacts. */
    owner: z.union([uuidSchema, z.literal("none")]).optional(),
    fitMin: scoreBoundSchema,
    fitMax: scoreBoundSchema,
    engagementMin: scoreBoundSchema,
    engagementMax: scoreBoundSchema,
    sort: z.enum(CONTACT_SORTS).default("created"),
    cursor: cursorSchema.optional(),
    limit: pageSizeSchema,
  })
  .refine((f) => f.fitMin === undefined || f.fitMax === undefined || f.fitMin <= f.fitMax, {
    message: "The minimum fit is above the maximum",
    path: ["fitMin"],
  })
  .refine((f) => f.engagementMin === undefined || f.engagementMax === undefined || f.engagementMin <= f.engagementMax, {
    message: "The minimum engagement is above the maximum",
    path: ["engagementMin"],
  });
export type ContactListFilters = z.infer<typeof contactListFiltersSchema>;

export const timelineQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  /** Comma-separated event categories (see lib/timeline). */
  categories: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : [])),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

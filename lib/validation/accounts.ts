import { z } from "zod";
import { cursorSchema, pageSizeSchema } from "./common";

export const accountListFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** "mqa": only the accounts with an open MQA, newest first. */
  view: z.enum(["all", "mqa"]).catch("all").default("all"),
  cursor: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type AccountListFilters = z.infer<typeof accountListFiltersSchema>;

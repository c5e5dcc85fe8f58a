import { z } from "zod";
import { cursorSchema, pageSizeSchema } from "./common";

export const accountListFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  cursor: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type AccountListFilters = z.infer<typeof accountListFiltersSchema>;

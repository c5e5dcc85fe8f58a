import { z } from "zod";

/** How far back a backtest may replay: whole months, up to two years of events. */
export const BACKTEST_MONTHS = [3, 6, 12, 24] as const;

export const backtestRequestSchema = z.object({
  draftId: z.uuid("Choose a draft to backtest"),
  months: z.coerce
    .number({ message: "months is a number" })
    .int()
    .refine((m) => (BACKTEST_MONTHS as readonly number[]).includes(m), { message: `months is one of ${BACKTEST_MONTHS.join(", ")}` })
    .default(6),
});

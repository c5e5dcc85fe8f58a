/** The steps of the funnel whose median duration the cohort view shows, in order (no SQL, so the charts can import it). */
export const STAGE_STEP_LABELS = {
  mqlToSal: "MQL → SAL",
  salToSql: "SAL → SQL",
  sqlToOpportunity: "SQL → Opp.",
  opportunityToCustomer: "Opp. → Customer",
} as const;
export type StageStepKey = keyof typeof STAGE_STEP_LABELS;

/**
 * What demo contacts read, download, attend and hear: the vendor's website, nurture emails,
 * webinars and the words reps log. Kept apart so the generators read as behaviour, not copy.
 */

export const SITE = "https://www.handoff.app";

export type Page = { url: string; title: string; kind: "blog" | "product" | "pricing" | "proof" | "other" };

const page = (path: string, title: string, kind: Page["kind"]): Page => ({ url: `${SITE}${path}`, title, kind });

export const BLOG_POSTS: readonly Page[] = [
  page("/blog/what-is-an-mql", "What is an MQL, really?", "blog"),
  page("/blog/lead-scoring-101", "Lead scoring 101: fit versus engagement", "blog"),
  page("/blog/speed-to-lead", "Speed-to-lead: the five-minute myth", "blog"),
  page("/blog/sdr-sla-template", "An SDR SLA template you can copy", "blog"),
  page("/blog/mql-vs-sql", "MQL vs SQL: where the handoff breaks", "blog"),
  page("/blog/threshold-calibration", "Calibrating MQL thresholds with cohort data", "blog"),
  page("/blog/lead-routing-round-robin", "Fair round-robin routing for SDR teams", "blog"),
  page("/blog/buying-committee", "Scoring the buying committee, not just the lead", "blog"),
  page("/blog/revops-metrics", "Seven RevOps metrics worth a dashboard", "blog"),
  page("/blog/rejection-reasons", "Why sales rejects your leads (and what to do)", "blog"),
  page("/blog/intent-data", "Intent data: signal or noise?", "blog"),
  page("/blog/hubspot-salesforce-sync", "Keeping HubSpot and Salesforce in sync", "blog"),
];

export const PRODUCT_PAGES: readonly Page[] = [
  page("/", "Handoff — lead management for B2B revenue teams", "product"),
  page("/product", "Product overview", "product"),
  page("/product/scoring", "Fit and engagement scoring", "product"),
  page("/product/routing", "Routing and SLAs", "product"),
  page("/product/analytics", "Funnel analytics and calibration", "product"),
  page("/integrations", "Integrations", "product"),
  page("/integrations/salesforce", "Salesforce integration", "product"),
  page("/integrations/hubspot", "HubSpot integration", "product"),
];

export const PRICING_PAGE = page("/pricing", "Pricing", "pricing");
export const DEMO_PAGE = page("/demo", "Book a demo", "other");

export const PROOF_PAGES: readonly Page[] = [
  page("/customers", "Customer stories", "proof"),
  page("/customers/northwind", "How Northwind cut MQL rejection by 40%", "proof"),
  page("/customers/brightpath", "Brightpath's SDRs now answer in 12 minutes", "proof"),
  page("/security", "Security and compliance", "proof"),
];

export const OTHER_PAGES: readonly Page[] = [
  page("/docs/getting-started", "Getting started", "other"),
  page("/about", "About us", "other"),
  page("/careers", "Careers", "other"),
];

export const ASSETS = [
  { asset: "The State of Lead Management 2025", slug: "state-of-lead-management" },
  { asset: "Lead scoring playbook (ebook)", slug: "lead-scoring-playbook" },
  { asset: "MQL calibration worksheet", slug: "mql-calibration-worksheet" },
  { asset: "SDR SLA benchmark report", slug: "sdr-sla-benchmark" },
  { asset: "Lead routing buyer's guide", slug: "lead-routing-buyers-guide" },
  { asset: "Revenue funnel ROI calculator", slug: "funnel-roi-calculator" },
] as const;

export const NURTURE_EMAILS = [
  { subject: "Your MQL definition is costing you pipeline", campaign: "Lead scoring playbook nurture" },
  { subject: "3 signs your SDRs don't trust your MQLs", campaign: "Lead scoring playbook nurture" },
  { subject: "The Handoff monthly: routing, SLAs and a new benchmark", campaign: "Monthly newsletter" },
  { subject: "New: calibrate thresholds on your own funnel data", campaign: "Product updates" },
  { subject: "Speed-to-lead benchmarks for 2025", campaign: "SDR SLA benchmark report" },
  { subject: "[Report] The State of Lead Management 2025", campaign: "State of Lead Management report" },
  { subject: "How Northwind cut MQL rejection by 40%", campaign: "Customer stories nurture" },
  { subject: "Is your lead routing fair?", campaign: "Monthly newsletter" },
] as const;

export const WEBINAR_TITLES = [
  "Fixing the MQL: a calibration workshop",
  "Speed-to-lead: what 1,000 B2B teams taught us",
  "Lead scoring that sales actually trusts",
  "Routing and SLAs for lean SDR teams",
  "From MQL to revenue: attribution without the hype",
  "Scoring the buying committee (MQA) in practice",
  "RevOps office hours: data hygiene",
  "Intent data: signal or noise?",
  "Running a threshold backtest, step by step",
  "Designing an SDR capacity model",
  "Customer panel: rejection reasons that changed our model",
  "Migrating from spreadsheets to real lead management",
];

export const CALL_OUTCOMES = [
  { outcome: "no_answer", notes: "No answer, will try again tomorrow" },
  { outcome: "voicemail", notes: "Left voicemail and sent a follow-up email" },
  { outcome: "gatekeeper", notes: "Reached reception, asked to follow up by email" },
  { outcome: "connected", notes: "Connected, interested; asked for a discovery call" },
  { outcome: "connected", notes: "Connected, evaluating tools this quarter" },
  { outcome: "wrong_number", notes: "Number no longer in service" },
] as const;

export const REP_EMAIL_SUBJECTS = [
  "Following up on your interest in Handoff",
  "Quick question about your lead routing",
  "Re: your demo request",
  "Ideas for your MQL handoff",
  "Worth a 15-minute call?",
];

export const BANT = {
  budget: [
    "Budget approved for this fiscal year",
    "Roughly $30–50k set aside in the H2 plan",
    "No formal budget; can reallocate from the current scoring tool",
    "CFO owns the budget; number to be confirmed",
  ],
  authority: ["Economic buyer is on the thread", "Champion; the VP signs off", "Buying committee: marketing, sales and RevOps"],
  need: [
    "Sales and marketing disagree on the MQL definition",
    "No lead scoring today; SDRs cherry-pick",
    "Routing is done by hand in a spreadsheet",
    "Need SLA tracking for speed-to-lead",
    "Rejection reasons are not captured anywhere",
  ],
  timeline: ["This quarter", "Within 60 days", "Next quarter", "Deciding in 6–8 weeks"],
};

export const LOST_REASONS = ["Chose a competitor", "No decision", "Budget cut", "Price", "Timing", "Missing features"];

export const REJECTION_NOTES = [
  "Already a customer through their parent company",
  "Looking for a B2C tool",
  "Consultant researching on behalf of a client",
  "Job seeker, not a buyer",
  "Agency reselling to their clients; sent to partnerships",
];

export const RECYCLE_REASONS = [
  "Not now: revisit next quarter",
  "No project this year",
  "Went dark after discovery",
  "Evaluating in-house build first",
];

export const MANUAL_MQL_DETAILS = [
  "Hand-raiser: replied to the newsletter asking for pricing",
  "Sales-sourced: met at a customer event",
  "Sales-sourced: referral from an existing customer",
  "Hand-raiser: called the sales line",
  "Partner-sourced: introduced by an implementation partner",
];

import type { ScoringModelDefinition } from "./model-schema";

/**
 * The model every new workspace starts with, published as version 1. It encodes a common B2B
 * ideal customer profile (software-like companies of 200–5,000 people, senior buyers in
 * revenue functions) and treats hand-raising behaviour as the strongest engagement signal.
 */
export const DEFAULT_MODEL: ScoringModelDefinition = {
  halfLifeDays: 30,
  fitRules: [
    { id: "sen-exec", label: "C-level or VP", field: "seniority", operator: "in", values: ["c_level", "vp"], points: 20 },
    { id: "sen-director", label: "Director", field: "seniority", operator: "equals", value: "director", points: 15 },
    { id: "sen-manager", label: "Manager", field: "seniority", operator: "equals", value: "manager", points: 8 },
    { id: "fn-revenue", label: "Marketing, sales or revenue ops", field: "jobFunction", operator: "in", values: ["marketing", "sales", "revenue_operations"], points: 15 },
    { id: "fn-technical", label: "IT or engineering", field: "jobFunction", operator: "in", values: ["it", "engineering"], points: 5 },
    { id: "ind-core", label: "Core industry", field: "account.industry", operator: "in", values: ["Software", "Financial Services", "E-commerce", "Marketing & Advertising"], points: 15 },
    { id: "ind-adjacent", label: "Adjacent industry", field: "account.industry", operator: "in", values: ["Healthcare", "Manufacturing", "Professional Services", "Telecommunications"], points: 5 },
    { id: "size-sweet", label: "200–5,000 employees", field: "account.employees", operator: "range", min: 200, max: 5000, points: 20 },
    { id: "size-small", label: "50–199 employees", field: "account.employees", operator: "range", min: 50, max: 199, points: 10 },
    { id: "size-enterprise", label: "Over 5,000 employees", field: "account.employees", operator: "range", min: 5001, max: null, points: 12 },
    { id: "size-tiny", label: "Fewer than 10 employees", field: "account.employees", operator: "range", min: null, max: 9, points: -10 },
    { id: "region-core", label: "North America or EMEA", field: "region", operator: "in", values: ["North America", "EMEA"], points: 10 },
    { id: "tech-crm", label: "Uses Salesforce or HubSpot", field: "account.technologies", operator: "in", values: ["Salesforce", "HubSpot"], points: 10 },
    { id: "neg-personal", label: "Personal email address", field: "personalEmail", operator: "is_true", points: -30 },
    { id: "neg-student", label: "Student or intern", field: "title", operator: "contains_word", values: ["student", "intern", "internship"], points: -40 },
    { id: "neg-competitor", label: "Competitor", field: "emailDomain", operator: "in", values: ["leadforge.io", "pipelinepro.com"], points: -100 },
  ],
  engagementRules: [
    { id: "demo", label: "Requested a demo", eventType: "demo_request", filters: [], points: 30, cap: 30, halfLifeDays: null },
    { id: "pricing", label: "Viewed pricing", eventType: "page_view", filters: [{ property: "url", operator: "contains", value: "/pricing" }], points: 8, cap: 24, halfLifeDays: null },
    { id: "page", label: "Visited the website", eventType: "page_view", filters: [], points: 1, cap: 10, halfLifeDays: null },
    { id: "form", label: "Submitted a form", eventType: "form_submit", filters: [], points: 12, cap: 24, halfLifeDays: null },
    { id: "download", label: "Downloaded content", eventType: "content_download", filters: [], points: 8, cap: 16, halfLifeDays: null },
    { id: "webinar-attended", label: "Attended a webinar", eventType: "webinar_attended", filters: [], points: 12, cap: 24, halfLifeDays: null },
    { id: "webinar-registered", label: "Registered for a webinar", eventType: "webinar_registered", filters: [], points: 4, cap: 8, halfLifeDays: null },
    { id: "email-reply", label: "Replied to an email", eventType: "email_reply", filters: [], points: 10, cap: 20, halfLifeDays: null },
    { id: "email-click", label: "Clicked an email", eventType: "email_click", filters: [], points: 3, cap: 15, halfLifeDays: null },
    { id: "email-open", label: "Opened an email", eventType: "email_open", filters: [], points: 1, cap: 5, halfLifeDays: 14 },
    { id: "meeting", label: "Took a meeting", eventType: "meeting", filters: [], points: 15, cap: 30, halfLifeDays: null },
    { id: "unsubscribe", label: "Unsubscribed", eventType: "unsubscribe", filters: [], points: -20, cap: 20, halfLifeDays: 90 },
    { id: "bounce", label: "Email bounced", eventType: "email_bounce", filters: [], points: -10, cap: 10, halfLifeDays: 90 },
  ],
  thresholds: {
    fit: 50,
    engagement: 40,
    segmentField: "region",
    segments: [{ value: "APAC", fit: 55, engagement: 45 }],
    qualifyingActions: [{ eventType: "demo_request", minFit: 35 }],
  },
  mqa: {
    threshold: 60,
    topContacts: 3,
    weights: { fit: 0.4, engagement: 0.4, coverage: 0.2 },
    fullCoverageFunctions: 3,
    engagedFrom: 10,
  },
};

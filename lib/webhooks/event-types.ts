import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../db/schema/webhooks";

/** Sent by "Send test" only; receivers should answer 2xx and otherwise ignore it. */
export const PING_EVENT_TYPE = "ping";

const DESCRIPTIONS: Record<WebhookEventType, string> = {
  "mql.created": "A contact qualified and was handed to sales",
  "lead.accepted": "A rep accepted an MQL (it became a SAL), or a sales rep took a handed-over SQL",
  "lead.rejected": "A rep rejected an MQL to nurture, or sales turned an SQL down (back to the SDR or to nurture)",
  "stage.changed": "Any lifecycle stage change, including the ones above",
};

/** For the settings form: every event a webhook can subscribe to, with what it means. */
export const WEBHOOK_EVENT_OPTIONS = WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: DESCRIPTIONS[type] }));

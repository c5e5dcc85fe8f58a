/** Every pg-boss queue Handoff uses, so a name is spelled once. */
export const JOB_QUEUES = {
  /** One job per due webhook delivery: `{ deliveryId }`. */
  webhookDelivery: "webhook-delivery",
  /** Every minute: re-enqueues pending deliveries whose job was lost. */
  webhookSweep: "webhook-sweep",
  /** After ingest (one waiting at a time) and every minute: drains contact_refresh_queue. */
  contactRefresh: "contact-refresh",
  /** One job per scoring run (publish, daily, on request): `{ runId }`, one at a time. */
  scoringRun: "scoring-run",
  /** Every night: queues the daily rescoring for decay. */
  scoringDaily: "scoring-daily",
  /** One job per backtest of a draft model: `{ backtestId }`, one at a time. */
  backtest: "backtest",
  /** After a notification is created and every minute: sends the e-mails waiting to go out. */
  notificationEmail: "notification-email",
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

/** pg-boss keeps its own tables in this schema; our tables stay in drizzle's migrations. */
export const JOB_QUEUE_SCHEMA = "pgboss";

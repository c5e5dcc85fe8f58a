import type { ScoredEvent } from "../../lib/scoring";

/** Systems of origin, as an integration would name them. */
export type EventSource = "hubspot" | "marketo" | "web" | "salesforce" | "zoom" | "handoff";

export type SeedEvent = ScoredEvent & {
  t: number;
  source: EventSource;
  actorId: string | null;
  properties: Record<string, unknown>;
};

/**
 * A contact's events while they are being generated: anything outside the contact's lifetime
 * (before it was created, or after `now`) is dropped, because it cannot have been recorded.
 */
export class Timeline {
  readonly events: SeedEvent[] = [];

  constructor(
    readonly fromMs: number,
    readonly untilMs: number,
  ) {}

  add(type: string, t: number, source: EventSource, properties: Record<string, unknown>, actorId: string | null = null): boolean {
    if (!(t >= this.fromMs && t <= this.untilMs)) return false;
    const ms = Math.floor(t);
    this.events.push({ id: this.events.length, type, t: ms, occurredAt: new Date(ms), source, actorId, properties });
    return true;
  }

  sorted(): SeedEvent[] {
    return this.events.sort(byTime);
  }
}

export const byTime = (a: SeedEvent, b: SeedEvent) => a.t - b.t;

/** Both lists sorted by time; returns one sorted list. */
export function mergeEvents(a: SeedEvent[], b: SeedEvent[]): SeedEvent[] {
  if (b.length === 0) return a;
  const out: SeedEvent[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i].t <= b[j].t ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

const EXTERNAL_ID_FORMAT: Record<EventSource, (n: number) => string> = {
  // Shaped like each system's own identifiers, so the timeline looks like real synced data.
  hubspot: (n) => String(100_000_000 + n),
  marketo: (n) => `mkto-act-${10_000_000 + n}`,
  web: (n) => `pv_${n.toString(36).padStart(8, "0")}`,
  salesforce: (n) => `00T5e${n.toString(36).toUpperCase().padStart(10, "0")}`,
  zoom: (n) => `zm-${(5_000_000 + n).toString(36)}`,
  handoff: (n) => `ho_${n}`,
};

/** Gives every event an id unique within its source, in generation order. */
export class ExternalIds {
  private counters: Record<EventSource, number> = { hubspot: 0, marketo: 0, web: 0, salesforce: 0, zoom: 0, handoff: 0 };

  next(source: EventSource): string {
    return EXTERNAL_ID_FORMAT[source](++this.counters[source]);
  }
}

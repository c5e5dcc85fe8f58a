import { describe, expect, it } from "vitest";
import { categoryOf, describeEvent, formatDuration, typesInCategory } from "./describe-event";

describe("describeEvent", () => {
  it("says what happened in words a rep reads at a glance", () => {
    expect(describeEvent({ type: "email_open", properties: { subject: "Q3 pricing update" } })).toBe("Opened ‘Q3 pricing update’");
    expect(describeEvent({ type: "page_view", properties: { url: "https://acme.io/pricing?plan=pro", durationSec: 185 } })).toBe(
      "Visited /pricing?plan=pro (3 min)",
    );
    expect(describeEvent({ type: "form_submit", properties: { form: "Contact us", url: "/contact" } })).toBe("Submitted ‘Contact us’ on /contact");
    expect(describeEvent({ type: "webinar_attended", properties: { webinar: "Scoring 101", durationSec: 2700 } })).toBe(
      "Attended ‘Scoring 101’ (45 min)",
    );
    expect(describeEvent({ type: "call", properties: { durationSec: 300, outcome: "connected" } })).toBe("Call (5 min) — connected");
    expect(describeEvent({ type: "meeting", properties: { title: "Discovery", durationMin: 30 } })).toBe("Meeting ‘Discovery’ (30 min)");
    expect(describeEvent({ type: "demo_request" })).toBe("Requested a demo");
  });

  it("falls back gracefully when properties are missing", () => {
    expect(describeEvent({ type: "email_open" })).toBe("Opened an email");
    expect(describeEvent({ type: "page_view", properties: {} })).toBe("Visited the website");
    expect(describeEvent({ type: "email_bounce" })).toBe("Email bounced");
  });

  it("turns custom event types into readable words", () => {
    expect(describeEvent({ type: "trial_started" })).toBe("Trial started");
    expect(describeEvent({ type: "product.signup-completed" })).toBe("Product signup completed");
  });

  it("shortens very long subjects", () => {
    const s = describeEvent({ type: "email_open", properties: { subject: "x".repeat(200) } });
    expect(s.length).toBeLessThan(100);
    expect(s).toContain("…");
  });
});

describe("categories", () => {
  it("groups built-in types and leaves custom types in other", () => {
    expect(categoryOf("email_click")).toBe("email");
    expect(categoryOf("demo_request")).toBe("form");
    expect(categoryOf("trial_started")).toBe("other");
    expect(typesInCategory("sales").sort()).toEqual(["call", "meeting"]);
  });
});

describe("formatDuration", () => {
  it("formats seconds, minutes and hours", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(3900)).toBe("1 h 5 min");
    expect(formatDuration(7200)).toBe("2 h");
    expect(formatDuration(-1)).toBe("");
  });
});

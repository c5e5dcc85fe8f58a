import { describe, expect, it } from "vitest";
import type { SlaPolicy } from "../../db/schema/routing";
import {
  addBusinessHours,
  assertValidBusinessHours,
  BusinessHoursError,
  businessHoursBetween,
  type BusinessHours,
  isValidTimeZone,
} from "./sla";

// Calendar used below (2026): Mon 5 Jan, Tue 6, Wed 7, Thu 8, Fri 9, Sat 10, Sun 11, Mon 12.
const WEEKDAYS_9_TO_5: BusinessHours = { workdayStartHour: 9, workdayEndHour: 17, workingDays: [1, 2, 3, 4, 5] };
const SUNDAY_TO_THURSDAY: BusinessHours = { workdayStartHour: 9, workdayEndHour: 17, workingDays: [7, 1, 2, 3, 4] };
const ROUND_THE_CLOCK: BusinessHours = { workdayStartHour: 0, workdayEndHour: 24, workingDays: [1, 2, 3, 4, 5, 6, 7] };

function due(start: string, hours: number, timeZone = "UTC", policy = WEEKDAYS_9_TO_5): string {
  return addBusinessHours({ start: new Date(start), hours, policy, timeZone }).toISOString();
}

function between(from: string, to: string, timeZone = "UTC", policy = WEEKDAYS_9_TO_5): number {
  return businessHoursBetween({ from: new Date(from), to: new Date(to), policy, timeZone });
}

describe("addBusinessHours in UTC, Monday–Friday 09–17", () => {
  it("stays within one day", () => {
    expect(due("2026-01-06T10:00:00Z", 4)).toBe("2026-01-06T14:00:00.000Z");
  });

  it("carries Friday's leftover across the weekend", () => {
    expect(due("2026-01-09T15:00:00Z", 4)).toBe("2026-01-12T11:00:00.000Z");
  });

  it("starts the clock at Monday's opening for a lead that arrives on the weekend", () => {
    expect(due("2026-01-10T12:00:00Z", 3)).toBe("2026-01-12T12:00:00.000Z");
    expect(due("2026-01-11T23:59:00Z", 3)).toBe("2026-01-12T12:00:00.000Z");
  });

  it("starts the clock at opening for a lead that arrives before it", () => {
    expect(due("2026-01-06T07:30:00Z", 2)).toBe("2026-01-06T11:00:00.000Z");
  });

  it("starts the clock at the next morning for a lead that arrives after closing", () => {
    expect(due("2026-01-06T18:00:00Z", 2)).toBe("2026-01-07T11:00:00.000Z");
    // The end hour is exclusive: 17:00 sharp is already after hours.
    expect(due("2026-01-06T17:00:00Z", 2)).toBe("2026-01-07T11:00:00.000Z");
  });

  it("spans several working days", () => {
    // 8 h Monday + 8 h Tuesday + 4 h Wednesday.
    expect(due("2026-01-05T09:00:00Z", 20)).toBe("2026-01-07T13:00:00.000Z");
    // 4 h Thursday + 8 h Friday + 8 h Monday, across a weekend.
    expect(due("2026-01-08T13:00:00Z", 20)).toBe("2026-01-12T17:00:00.000Z");
  });

  it("ends at closing time, not the next opening, when the hours use a day up exactly", () => {
    expect(due("2026-01-06T13:00:00Z", 4)).toBe("2026-01-06T17:00:00.000Z");
  });

  it("handles fractional hours", () => {
    expect(due("2026-01-06T10:00:00Z", 0.5)).toBe("2026-01-06T10:30:00.000Z");
    expect(due("2026-01-06T16:45:00Z", 0.5)).toBe("2026-01-07T09:15:00.000Z");
    expect(due("2026-01-09T16:50:00Z", 0.25)).toBe("2026-01-12T09:05:00.000Z");
  });

  it("returns the start itself for 0 hours inside working time, else the next opening", () => {
    expect(due("2026-01-06T10:17:00Z", 0)).toBe("2026-01-06T10:17:00.000Z");
    expect(due("2026-01-06T09:00:00Z", 0)).toBe("2026-01-06T09:00:00.000Z");
    expect(due("2026-01-06T17:00:00Z", 0)).toBe("2026-01-07T09:00:00.000Z");
    expect(due("2026-01-10T10:00:00Z", 0)).toBe("2026-01-12T09:00:00.000Z");
  });

  it("accepts an sla_policies row as the policy", () => {
    const row = {
      id: "00000000-0000-0000-0000-000000000001",
      name: "EMEA SDRs",
      firstTouchHours: 4,
      workdayStartHour: 9,
      workdayEndHour: 17,
      workingDays: [1, 2, 3, 4, 5],
      createdAt: new Date("2026-01-01T00:00:00Z"),
    } satisfies SlaPolicy;
    const dueAt = addBusinessHours({ start: new Date("2026-01-09T15:00:00Z"), hours: row.firstTouchHours, policy: row, timeZone: "UTC" });
    expect(dueAt.toISOString()).toBe("2026-01-12T11:00:00.000Z");
  });
});

describe("addBusinessHours in the rep's time zone", () => {
  it("gives reps in New York, Berlin and Tokyo different due times for the same MQL", () => {
    const arrived = "2026-01-06T14:00:00Z"; // Tue 09:00 in New York, 15:00 in Berlin, 23:00 in Tokyo
    // New York: 09:00 + 4 h = 13:00 EST.
    expect(due(arrived, 4, "America/New_York")).toBe("2026-01-06T18:00:00.000Z");
    // Berlin: 2 h until 17:00, then 2 h on Wednesday = 11:00 CET.
    expect(due(arrived, 4, "Europe/Berlin")).toBe("2026-01-07T10:00:00.000Z");
    // Tokyo: after hours, so Wednesday 09:00 + 4 h = 13:00 JST.
    expect(due(arrived, 4, "Asia/Tokyo")).toBe("2026-01-07T04:00:00.000Z");
  });

  it("uses the local calendar day, not the UTC one, to decide what is a weekend", () => {
    // Sat 01:00 in Tokyo is still Friday 16:00 in UTC.
    expect(due("2026-01-09T16:00:00Z", 1, "Asia/Tokyo")).toBe("2026-01-12T01:00:00.000Z");
    expect(due("2026-01-09T16:00:00Z", 1, "UTC")).toBe("2026-01-09T17:00:00.000Z");
  });

  it("uses the new offset after Berlin springs forward (Sunday 29 March 2026)", () => {
    // Fri 16:00 CET (+01:00) + 2 h → 1 h on Friday, 1 h on Monday → Mon 10:00 CEST (+02:00).
    expect(due("2026-03-27T15:00:00Z", 2, "Europe/Berlin")).toBe("2026-03-30T08:00:00.000Z");
  });

  it("uses the new offset after Berlin falls back (Sunday 25 October 2026)", () => {
    // Fri 16:00 CEST (+02:00) + 2 h → Mon 10:00 CET (+01:00).
    expect(due("2026-10-23T14:00:00Z", 2, "Europe/Berlin")).toBe("2026-10-26T09:00:00.000Z");
  });

  it("uses the new offset after New York springs forward (Sunday 8 March 2026)", () => {
    // Fri 16:00 EST (−05:00) + 2 h → Mon 10:00 EDT (−04:00).
    expect(due("2026-03-06T21:00:00Z", 2, "America/New_York")).toBe("2026-03-09T14:00:00.000Z");
  });

  it("uses the new offset after New York falls back (Sunday 1 November 2026)", () => {
    // Fri 16:00 EDT (−04:00) + 2 h → Mon 10:00 EST (−05:00).
    expect(due("2026-10-30T20:00:00Z", 2, "America/New_York")).toBe("2026-11-02T15:00:00.000Z");
  });

  it("keeps a 09–17 day at 8 real hours on the day the clocks change", () => {
    const everyDay = { ...WEEKDAYS_9_TO_5, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    // Sunday 29 March 2026 in Berlin: 09:00 CEST is 07:00Z; 8 h later is 17:00 CEST.
    expect(due("2026-03-29T07:00:00Z", 8, "Europe/Berlin", everyDay)).toBe("2026-03-29T15:00:00.000Z");
  });

  it("counts real time when the DST jump falls inside the working day", () => {
    // Berlin, Sunday 29 March 2026, working 00:00–24:00: the day has only 23 real hours,
    // so 23 business hours from midnight end exactly at the next midnight.
    expect(due("2026-03-28T23:00:00Z", 23, "Europe/Berlin", ROUND_THE_CLOCK)).toBe("2026-03-29T22:00:00.000Z");
    // Sunday 25 October 2026 has 25: 24 business hours from midnight end at 23:00 CET.
    expect(due("2026-10-24T22:00:00Z", 24, "Europe/Berlin", ROUND_THE_CLOCK)).toBe("2026-10-25T22:00:00.000Z");
    // A 01:00–05:00 shift over the 02:00→03:00 jump is 3 real hours: 01:00 CET to 05:00 CEST.
    const earlyShift: BusinessHours = { workdayStartHour: 1, workdayEndHour: 5, workingDays: [7] };
    expect(due("2026-03-29T00:00:00Z", 3, "Europe/Berlin", earlyShift)).toBe("2026-03-29T03:00:00.000Z");
    expect(due("2026-03-29T00:00:00Z", 4, "Europe/Berlin", earlyShift)).toBe("2026-04-05T00:00:00.000Z");
  });

  it("supports a Sunday–Thursday working week", () => {
    // Riyadh (+03:00): Thu 15:00 + 4 h → 2 h on Thursday, Friday and Saturday off → Sun 11:00.
    expect(due("2026-01-08T12:00:00Z", 4, "Asia/Riyadh", SUNDAY_TO_THURSDAY)).toBe("2026-01-11T08:00:00.000Z");
    // A lead arriving on Friday waits for Sunday's opening.
    expect(due("2026-01-09T09:00:00Z", 1, "Asia/Riyadh", SUNDAY_TO_THURSDAY)).toBe("2026-01-11T07:00:00.000Z");
  });
});

describe("businessHoursBetween", () => {
  it("is the inverse of addBusinessHours", () => {
    const cases: { start: string; hours: number; timeZone: string; policy: BusinessHours }[] = [
      { start: "2026-01-06T10:00:00Z", hours: 4, timeZone: "UTC", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-01-09T15:00:00Z", hours: 4, timeZone: "UTC", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-01-10T12:00:00Z", hours: 3, timeZone: "UTC", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-01-05T09:00:00Z", hours: 20, timeZone: "UTC", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-01-06T16:45:00Z", hours: 0.5, timeZone: "UTC", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-01-06T14:00:00Z", hours: 4, timeZone: "Asia/Tokyo", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-03-27T15:00:00Z", hours: 2, timeZone: "Europe/Berlin", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-10-20T08:00:00Z", hours: 37.75, timeZone: "Europe/Berlin", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-03-06T21:00:00Z", hours: 2, timeZone: "America/New_York", policy: WEEKDAYS_9_TO_5 },
      { start: "2026-10-24T22:00:00Z", hours: 30, timeZone: "Europe/Berlin", policy: ROUND_THE_CLOCK },
      { start: "2026-01-08T12:00:00Z", hours: 4, timeZone: "Asia/Riyadh", policy: SUNDAY_TO_THURSDAY },
    ];
    for (const { start, hours, timeZone, policy } of cases) {
      const dueAt = addBusinessHours({ start: new Date(start), hours, policy, timeZone });
      expect(businessHoursBetween({ from: new Date(start), to: dueAt, policy, timeZone }), `${start} + ${hours} h in ${timeZone}`).toBe(hours);
    }
  });

  it("is 0 for an empty or reversed range", () => {
    expect(between("2026-01-06T10:00:00Z", "2026-01-06T10:00:00Z")).toBe(0);
    expect(between("2026-01-06T14:00:00Z", "2026-01-06T10:00:00Z")).toBe(0);
  });

  it("counts only working time over a weekend", () => {
    expect(between("2026-01-09T15:00:00Z", "2026-01-12T11:00:00Z")).toBe(4);
    expect(between("2026-01-10T00:00:00Z", "2026-01-11T23:59:59Z")).toBe(0);
    expect(between("2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z")).toBe(40);
  });

  it("counts partial days at both ends", () => {
    // Tue 16:30 → Wed 09:45: half an hour plus three quarters.
    expect(between("2026-01-06T16:30:00Z", "2026-01-07T09:45:00Z")).toBe(1.25);
    // Both ends outside working time: only Wednesday's full day counts.
    expect(between("2026-01-06T20:00:00Z", "2026-01-08T06:00:00Z")).toBe(8);
  });

  it("measures the rep's local working day, which shrinks and grows with DST", () => {
    expect(between("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", "Europe/Berlin", ROUND_THE_CLOCK)).toBe(23);
    expect(between("2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", "Europe/Berlin", ROUND_THE_CLOCK)).toBe(25);
    // Across the spring weekend, 09–17 weekdays: Friday 1 h + Monday 1 h.
    expect(between("2026-03-27T15:00:00Z", "2026-03-30T08:00:00Z", "Europe/Berlin")).toBe(2);
  });
});

describe("validation", () => {
  it("recognises time zones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    // @date-fns/tz alone would read this as a fixed +01:00 offset.
    expect(isValidTimeZone("Europe/Nowhere+01")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("rejects an unknown time zone with the zone's name in the message", () => {
    const call = () => due("2026-01-06T10:00:00Z", 4, "Europe/Atlantis");
    expect(call).toThrow(BusinessHoursError);
    expect(call).toThrow('Unknown time zone "Europe/Atlantis"');
    expect(() =>
      businessHoursBetween({ from: new Date(), to: new Date(), policy: WEEKDAYS_9_TO_5, timeZone: "Nope" }),
    ).toThrow('Unknown time zone "Nope"');
  });

  it("rejects impossible policies", () => {
    const check = (patch: Partial<BusinessHours>) => () => assertValidBusinessHours({ ...WEEKDAYS_9_TO_5, ...patch });
    expect(check({ workdayStartHour: 17, workdayEndHour: 9 })).toThrow(
      "The working day must open before it closes: workdayStartHour 17 is not before workdayEndHour 9.",
    );
    expect(check({ workdayStartHour: 9, workdayEndHour: 9 })).toThrow("must open before it closes");
    expect(check({ workdayStartHour: -1 })).toThrow("workdayStartHour must be a whole hour from 0 to 23, got -1.");
    expect(check({ workdayStartHour: 8.5 })).toThrow("workdayStartHour must be a whole hour from 0 to 23, got 8.5.");
    expect(check({ workdayEndHour: 25 })).toThrow("workdayEndHour must be a whole hour from 1 to 24, got 25.");
    expect(check({ workingDays: [] })).toThrow("workingDays must list at least one ISO weekday");
    expect(check({ workingDays: [0, 1] })).toThrow("workingDays must hold ISO weekdays from 1 (Monday) to 7 (Sunday), got 0.");
    expect(check({ workingDays: [1, 8] })).toThrow("got 8.");
    expect(check({ workdayStartHour: 0, workdayEndHour: 24, workingDays: [7] })).not.toThrow();
  });

  it("applies the policy checks before computing a due time", () => {
    const policy = { ...WEEKDAYS_9_TO_5, workingDays: [] };
    expect(() => due("2026-01-06T10:00:00Z", 4, "UTC", policy)).toThrow(BusinessHoursError);
  });

  it("rejects negative or non-finite hours and invalid dates", () => {
    expect(() => due("2026-01-06T10:00:00Z", -1)).toThrow("hours must be a finite number of business hours, 0 or more, got -1.");
    expect(() => due("2026-01-06T10:00:00Z", Number.NaN)).toThrow("got NaN.");
    expect(() => due("2026-01-06T10:00:00Z", Number.POSITIVE_INFINITY)).toThrow("got Infinity.");
    expect(() => due("not a date", 1)).toThrow("start must be a valid Date");
    expect(() => between("2026-01-06T10:00:00Z", "garbage")).toThrow("to must be a valid Date");
  });

  it("fails loudly instead of walking the calendar forever", () => {
    expect(() => due("2026-01-06T10:00:00Z", 1_000_000)).toThrow("1000000 business hours do not fit within 10000 days");
  });
});

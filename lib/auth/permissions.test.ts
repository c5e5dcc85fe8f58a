import { describe, expect, it } from "vitest";
import { can, homePathFor, PERMISSIONS, type Permission } from "./permissions";
import type { UserRole } from "../../db/schema/enums";

const ROLES: UserRole[] = ["marketer", "sdr", "sales", "admin"];

// Every cell written out, so a change to who may do what shows up here as a decision.
const MATRIX: Record<Permission, Record<UserRole, boolean>> = {
  "contacts:read": { marketer: true, sdr: true, sales: true, admin: true },
  "contacts:export": { marketer: true, sdr: false, sales: false, admin: true },
  "accounts:read": { marketer: true, sdr: true, sales: true, admin: true },
  "queue:work": { marketer: false, sdr: true, sales: true, admin: true },
  "pipeline:work": { marketer: false, sdr: false, sales: true, admin: true },
  "leads:reassign": { marketer: false, sdr: false, sales: false, admin: true },
  "funnel:read": { marketer: true, sdr: false, sales: true, admin: true },
  "calibration:read": { marketer: true, sdr: false, sales: false, admin: true },
  "model:read": { marketer: true, sdr: true, sales: true, admin: true },
  "model:edit": { marketer: true, sdr: false, sales: false, admin: true },
  "data:import": { marketer: true, sdr: false, sales: false, admin: true },
  "settings:manage": { marketer: false, sdr: false, sales: false, admin: true },
};

describe("permissions", () => {
  it("covers every permission in the matrix", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [permission, row] of Object.entries(MATRIX) as [Permission, Record<UserRole, boolean>][]) {
    for (const role of ROLES) {
      it(`${role} ${row[role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(row[role]);
      });
    }
  }

  it("a marketer cannot work leads and a sales user cannot edit the model (PRODUCT.md §1)", () => {
    expect(can("marketer", "queue:work")).toBe(false);
    expect(can("sales", "model:edit")).toBe(false);
  });

  it("sends every role to a page it may open", () => {
    expect(homePathFor("sdr")).toBe("/queue");
    expect(homePathFor("marketer")).toBe("/funnel");
    expect(can("marketer", "funnel:read")).toBe(true);
  });
});

import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "handoff-demo";

export const DEMO_USERS = {
  admin: { email: "admin@handoff.demo", name: "Avery Admin" },
  marketer: { email: "marketer@handoff.demo", name: "Morgan Marketer" },
  sdr: { email: "sdr@handoff.demo", name: "Sam Rivera" },
  sales: { email: "sales@handoff.demo", name: "Alex Chen" },
} as const;

export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, role: DemoRole) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(DEMO_USERS[role].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

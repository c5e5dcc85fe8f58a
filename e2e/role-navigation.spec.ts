import { expect, test } from "@playwright/test";
import { DEMO_USERS, mainNav, signIn, type DemoRole } from "./helpers";

const EXPECTED_NAV: Record<DemoRole, string[]> = {
  admin: ["Queue", "Pipeline", "Team", "Contacts", "Accounts", "Funnel", "Calibration", "Scoring model", "Import", "Settings"],
  marketer: ["Contacts", "Accounts", "Funnel", "Calibration", "Scoring model", "Import"],
  sdr: ["Queue", "Contacts", "Accounts"],
  sales: ["Queue", "Pipeline", "Contacts", "Accounts", "Funnel"],
};

const HOME: Record<DemoRole, RegExp> = {
  admin: /\/contacts$/,
  marketer: /\/funnel$/,
  sdr: /\/queue$/,
  sales: /\/queue$/,
};

for (const role of Object.keys(EXPECTED_NAV) as DemoRole[]) {
  test(`${role} signs in, lands on their home page and sees their navigation`, async ({ page }) => {
    await signIn(page, role);
    await expect(page).toHaveURL(HOME[role]);
    const links = mainNav(page).getByRole("link");
    await expect(links).toHaveText(EXPECTED_NAV[role]);

    // Every link of the role's navigation opens a page that renders (no 403, no error).
    for (const label of EXPECTED_NAV[role]) {
      await mainNav(page).getByRole("link", { name: label }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("You don't have access to this page")).toHaveCount(0);
    }

    await page.getByRole("button", { name: "User menu" }).click();
    await expect(page.getByRole("menu")).toContainText(DEMO_USERS[role].email);
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(DEMO_USERS.sdr.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That email and password don't match." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

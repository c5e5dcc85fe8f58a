import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a marketer reads the funnel, changes the period and the breakdown, and downloads a table", async ({ page }) => {
  await signIn(page, "marketer");
  await page.goto("/funnel");
  await expect(page.getByRole("heading", { name: "Stage counts and step conversion" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Last 12 months" })).toHaveAttribute("aria-pressed", "true");
  // The cohort table marks the youngest months as immature.
  const cohorts = page.getByRole("region", { name: "Cohorts by MQL month" });
  await expect(cohorts.getByText(/^Immature/).first()).toBeVisible();

  await page.getByLabel("Break down by").selectOption("region");
  await expect(page).toHaveURL(/groupBy=region/);
  await expect(page.getByRole("heading", { name: "By region" })).toBeVisible();
  await page.getByRole("button", { name: "Last 3 months" }).click();
  await expect(page).toHaveURL(/range=3m/);
  await expect(page.getByRole("button", { name: "Last 3 months" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/^Last 3 months · /)).toBeVisible();
  expect(await cohorts.getByRole("table").getByRole("row").count()).toBeLessThanOrEqual(4); // the header and up to three months

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Funnel by region as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^funnel-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}-by-region\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFRegion,MQLs,SAL,SQL,Opportunity,Customer,Lost,Rejected,Open,MQL → SQL,MQL → customer");
  expect(csv).toMatch(/\r\nTotal,\d+,/);

  // Custom dates, then a link with a bad date: the page says what is wrong.
  await page.getByLabel("From", { exact: true }).fill("2001-01-01");
  await page.getByLabel("To", { exact: true }).fill("2001-01-31");
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page).toHaveURL(/from=2001-01-01&to=2001-01-31/);
  await expect(page.getByText("Nothing in this period")).toBeVisible();
  await page.goto("/funnel?from=2026-02-30&to=2026-03-01");
  await expect(page.getByText("This funnel link has a problem")).toBeVisible();
  await expect(page.getByText("from: Dates are YYYY-MM-DD")).toBeVisible();
});

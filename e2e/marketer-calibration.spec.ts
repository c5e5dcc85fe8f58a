import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The marketer's evidence loop: read the funnel for a period and a breakdown, open the
 * calibration studio, move the threshold and watch volume and conversion move, then backtest a
 * stricter draft against the model in force and publish it from the backtest.
 */
test("a marketer reads the funnel, moves the threshold in the studio, backtests a draft and publishes it", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "marketer");

  // The funnel, for the last 6 months, by source.
  await page.goto("/funnel");
  await page.getByRole("button", { name: "Last 6 months" }).click();
  await expect(page).toHaveURL(/range=6m/);
  await page.getByLabel("Break down by").selectOption("source");
  await expect(page).toHaveURL(/groupBy=source/);
  await expect(page.getByRole("heading", { name: "By source" })).toBeVisible();

  // The studio: a higher fit threshold means fewer MQLs a month.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
  await expect(page).toHaveURL(/\/calibration/);
  const perMonth = page.getByTestId("readout-mqls-per-month");
  await expect(perMonth).toHaveText(/\d/);
  const count = async () => Number((await perMonth.textContent())!.replace(/[^\d.]/g, ""));
  const slider = page.getByRole("slider", { name: "Fit threshold" });
  await slider.fill("40");
  await expect(page.getByTestId("fit-threshold-value")).toHaveText("≥ 40");
  await expect(perMonth).toHaveText(/\d/);
  const atForty = await count();
  const sqlAtForty = await page.getByTestId("readout-mql-to-sql").textContent();
  await slider.fill("75");
  await expect(page.getByTestId("fit-threshold-value")).toHaveText("≥ 75");
  await expect.poll(count).toBeLessThan(atForty);
  await expect(page.getByTestId("readout-mql-to-sql")).not.toHaveText(sqlAtForty!);
  await expect(page.getByTestId("recommendation-sentence")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("calibration-studio.png"), fullPage: true });

  // A stricter draft: engagement 10 points higher than in force.
  await page.goto("/scoring");
  await page.getByRole("button", { name: "New draft" }).first().click();
  await expect(page).toHaveURL(/\/scoring\/[0-9a-f-]{36}$/);
  const engagement = page.getByLabel("and engagement at least");
  await engagement.fill(String(Number(await engagement.inputValue()) + 10));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  // Its backtest over the last 6 months, with its progress, then the comparison.
  await page.goto("/calibration");
  const backtest = page.getByRole("region", { name: "Backtest a draft" });
  await expect(backtest.getByText(/has not been backtested yet/)).toBeVisible();
  await backtest.getByLabel("Months to replay").selectOption("6");
  await backtest.getByRole("button", { name: "Run backtest" }).click();
  await expect(backtest.getByTestId("backtest-result")).toBeVisible({ timeout: 120_000 });
  await expect(backtest.getByTestId("backtest-verdict")).toContainText(/fewer MQLs|as many MQLs/);
  const mqls = backtest.getByTestId("backtest-mqls").getByRole("cell");
  const inForce = Number((await mqls.nth(1).textContent())!.replace(/\D/g, ""));
  const draft = Number((await mqls.nth(2).textContent())!.replace(/\D/g, ""));
  expect(draft).toBeLessThanOrEqual(inForce);
  await expect(backtest.getByTestId("backtest-auc").getByRole("cell").nth(2)).toHaveText(/^0\.\d{3}$/);
  await expect(backtest.getByRole("table", { name: "MQLs per month under each model" })).toBeVisible();
  await backtest.screenshot({ path: test.info().outputPath("backtest.png") });

  // Publish from the backtest, and watch everyone rescored with it.
  await backtest.getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/engagement/i);
  await dialog.getByRole("button", { name: /and rescore/ }).click();
  await expect(page).toHaveURL(/\/scoring\?run=/);
  await expect(page.getByTestId("scoring-run")).toHaveAttribute("data-status", "completed", { timeout: 120_000 });
});

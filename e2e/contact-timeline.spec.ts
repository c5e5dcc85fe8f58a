import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a contact's timeline opens, pages on scroll and filters by kind", async ({ page }) => {
  await signIn(page, "sdr");
  // The most engaged contacts have the longest timelines: open the first with more than a page.
  await page.goto("/contacts?sort=engagement");
  const links = await page
    .getByRole("table")
    .getByRole("row")
    .locator("td:first-child a")
    .evaluateAll((as) => as.slice(0, 10).map((a) => ({ href: a.getAttribute("href")!, name: a.textContent!.trim() })));
  const events = page.getByTestId("timeline-event");
  let opened = false;
  for (const { href, name } of links) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(events.first()).toBeVisible();
    if ((await events.count()) === 30 && !(await page.getByText("Beginning of the timeline").isVisible())) {
      opened = true;
      break;
    }
  }
  expect(opened, "a contact with more than one page of activity").toBe(true);
  await expect(page.getByText("Fit breakdown")).toBeVisible();
  const firstPage = await events.count();

  // Infinite scroll: reaching the end of the list loads older activity.
  await events.last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 5000);
  await expect.poll(() => events.count()).toBeGreaterThan(firstPage);

  // Newest first across pages.
  const times = await page.locator("[data-testid=timeline-event] time").evaluateAll((els) =>
    els.map((e) => new Date(e.getAttribute("datetime") ?? "").getTime()),
  );
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // Filter to web visits only: every event shown is a visit, and the filter is in the URL.
  await page.getByRole("button", { name: "Web", exact: true }).click();
  await expect(page).toHaveURL(/types=web/);
  await expect(events.first()).toBeVisible();
  const texts = await events.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toMatch(/^Visited /);
});

test("the contacts list searches and pages with keyset cursors", async ({ page }) => {
  await signIn(page, "marketer");
  await page.goto("/contacts");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(51); // header + 50
  const firstOnPage1 = await rows.nth(1).getByRole("link").first().textContent();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(51);
  expect(await rows.nth(1).getByRole("link").first().textContent()).not.toBe(firstOnPage1);

  // Search by company name finds its people.
  await page.goto("/accounts");
  // The first account that has people (the Contacts column is the fifth).
  const company = await page
    .getByRole("table")
    .getByRole("row")
    .evaluateAll((trs) => {
      const row = trs.slice(1).find((tr) => Number(tr.querySelectorAll("td")[4]?.textContent ?? 0) > 0);
      return row?.querySelector("td a")?.textContent?.trim() ?? "";
    });
  expect(company).not.toBe("");
  await page.goto(`/contacts?q=${encodeURIComponent(company)}`);
  await expect(rows.nth(1)).toContainText(company);
});

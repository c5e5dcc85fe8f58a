import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { mainNav, signIn } from "./helpers";

/** Contacts on the domain the journey counts and exports (the list counts exactly up to 10,000). */
const COUNTED_ROWS = 6_000;
/** More people at a second company, so the import lasts long enough to watch its progress. */
const GOOD_ROWS = 30_000;
const number = (n: number) => n.toLocaleString("en");

/**
 * A HubSpot-style contacts export of GOOD_ROWS valid people, COUNTED_ROWS of them on a domain
 * unique to this run, and four bad rows (two among the first rows, so the preview shows them).
 */
function writeContactsCsv(path: string, domain: string, fillerDomain: string) {
  const rows: string[][] = [["First Name", "Last Name", "Email", "Job Title", "Company Name", "Number of Employees", "Create Date"]];
  for (let i = 0; i < GOOD_ROWS; i++) {
    const company = i < COUNTED_ROWS ? domain : fillerDomain;
    rows.push([`Person ${i}`, `Tester, "${i}"`, `person${i}@${company}`, "Marketing Manager", "CSV Journey Inc.", "250", "2025-01-15"]);
    if (i === 1) rows.push(["Bad", "Email", "not-an-email", "", "", "", ""]);
    if (i === 4) rows.push(["Bad", "Date", `bad.date@${domain}`, "", "", "", "2025-02-30"]);
    if (i === 500) rows.push(["Bad", "Size", `bad.size@${domain}`, "", "", "lots", ""]);
    if (i === 20_000) rows.push(["No", "Email", "", "CEO", "", "", ""]);
  }
  writeFileSync(path, Papa.unparse(rows, { newline: "\r\n" }));
}

async function chooseFile(page: Page, path: string) {
  await page.getByLabel("CSV file").setInputFiles(path);
  await expect(page.getByRole("heading", { name: "Columns" })).toBeVisible();
}

/** Waits for the import to finish, noting the progress bar's values on the way. */
async function watchImport(page: Page) {
  await expect(page).toHaveURL(/\/import\?job=[0-9a-f-]{36}$/);
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const value = Number(await bar.getAttribute("aria-valuenow"));
        if (seen.at(-1) !== value) seen.push(value);
        return value;
      },
      { timeout: 120_000, intervals: [100] },
    )
    .toBe(100);
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  return seen;
}

async function contactCount(page: Page, domain: string) {
  await page.goto(`/contacts?q=${encodeURIComponent(domain)}`);
  const description = page.locator("main header p").first();
  await expect(description).toContainText("contact");
  return (await description.textContent())?.trim();
}

test("a marketer imports contacts from CSV, downloads the failed rows and re-imports without duplicates", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const domain = `csv-journey-${run}.test`;
  const file = testInfo.outputPath("hubspot-contacts.csv");
  writeContactsCsv(file, domain, `csv-filler-${run}.test`);

  await signIn(page, "marketer");
  await mainNav(page).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Contacts/ })).toBeChecked();
  await chooseFile(page, file);

  // HubSpot's headers are recognised.
  await expect(page.getByLabel("Import “Email” as")).toHaveValue("email");
  await expect(page.getByLabel("Import “Job Title” as")).toHaveValue("title");
  await expect(page.getByLabel("Import “Company Name” as")).toHaveValue("account.name");
  await expect(page.getByLabel("Import “Number of Employees” as")).toHaveValue("account.employees");

  // The preview validates the first rows with the API's rules and shows the bad ones.
  await expect(page.getByText("18 of the first 20 rows are ready; 2 have problems.", { exact: false })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Email: Not a valid email address" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Create Date: “2025-02-30” is not a date on the calendar." })).toBeVisible();
  await expect(page.getByTestId("preview-row").filter({ has: page.getByLabel("Has a problem") })).toHaveCount(2);
  await testInfo.attach("mapping and preview", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("button", { name: /^Import \d/ }).click();
  const seen = await watchImport(page);
  expect(seen[0], `progress values seen: ${seen.join(", ")}`).toBeLessThan(100);
  await expect(page.getByTestId("import-count-created")).toContainText(number(GOOD_ROWS));
  await expect(page.getByTestId("import-count-updated")).toContainText("0");
  await expect(page.getByTestId("import-count-failed")).toContainText("4");
  await expect(page.getByText(`${number(GOOD_ROWS + 4)} rows in`)).toBeVisible();
  await testInfo.attach("summary", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The failed rows, with the reason, as a CSV of the original columns.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download failed rows (4)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("hubspot-contacts-failed-rows.csv");
  const report = Papa.parse<string[]>(readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  expect(report).toEqual([
    ["row", "error", "First Name", "Last Name", "Email", "Job Title", "Company Name", "Number of Employees", "Create Date"],
    ["4", "Email: Not a valid email address", "Bad", "Email", "not-an-email", "", "", "", ""],
    ["8", "Create Date: “2025-02-30” is not a date on the calendar.", "Bad", "Date", `bad.date@${domain}`, "", "", "", "2025-02-30"],
    ["505", "Number of Employees: “lots” is not a number.", "Bad", "Size", `bad.size@${domain}`, "", "", "lots", ""],
    ["20006", "Email is empty", "No", "Email", "", "CEO", "", "", ""],
  ]);

  expect(await contactCount(page, domain)).toBe(`${number(COUNTED_ROWS)} contacts match`);

  // The same file again: the mapping is remembered, nothing is created, the count is unchanged.
  await mainNav(page).getByRole("link", { name: "Import" }).click();
  await chooseFile(page, file);
  await expect(page.getByText(/Using the mapping saved on/)).toBeVisible();
  await page.getByRole("button", { name: /^Import \d/ }).click();
  await watchImport(page);
  await expect(page.getByTestId("import-count-created")).toContainText("0");
  await expect(page.getByTestId("import-count-updated")).toContainText(number(GOOD_ROWS));
  await expect(page.getByTestId("import-count-failed")).toContainText("4");
  // Both runs are listed, newest first.
  const recent = page.getByRole("table").getByRole("row");
  await expect(recent.nth(1)).toContainText(`0 created · ${number(GOOD_ROWS)} updated`);
  await expect(recent.nth(2)).toContainText(`${number(GOOD_ROWS)} created · 0 updated`);

  expect(await contactCount(page, domain)).toBe(`${number(COUNTED_ROWS)} contacts match`);

  // And out again: the export holds exactly the filtered contacts.
  const exporting = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const exported = await exporting;
  expect(exported.suggestedFilename()).toMatch(/^contacts-search-\d{4}-\d{2}-\d{2}\.csv$/);
  const exportedRows = Papa.parse<string[]>(readFileSync(await exported.path(), "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  expect(exportedRows).toHaveLength(COUNTED_ROWS + 1);
  expect(exportedRows[0]!.slice(0, 3)).toEqual(["Email", "First Name", "Last Name"]);
  expect(exportedRows.slice(1).every((r) => r[0]!.endsWith(`@${domain}`))).toBe(true);
});

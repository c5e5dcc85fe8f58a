/**
 * Screenshots of the main pages, for the README and for reviewing a change by eye:
 *   BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts [outDir]
 * Uses Playwright's Chromium when installed, otherwise /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const outDir = path.resolve(process.argv[2] ?? "screenshots");
mkdirSync(outDir, { recursive: true });

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
let executablePath: string | undefined;
try {
  executablePath = existsSync(chromium.executablePath()) ? undefined : systemChromium;
} catch {
  executablePath = systemChromium;
}

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function shoot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });
  console.log(`${name}.png`);
}

async function signedIn(email: string, width = 1440, height = 900) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("handoff-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Sign-in lands on "/", which then redirects to the role's home page.
  await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/");
  return page;
}

const anon = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await anon.goto(`${base}/login`);
await shoot(anon, "sign-in");

const marketer = await signedIn("marketer@handoff.demo");
await marketer.goto(`${base}/contacts`);
await shoot(marketer, "contacts");
await marketer.goto(`${base}/contacts?sort=engagement`);
await marketer.getByRole("table").getByRole("row").nth(1).getByRole("link").first().click();
await marketer.getByTestId("timeline-event").first().waitFor();
await shoot(marketer, "contact-timeline");
for (const p of ["accounts", "funnel", "calibration", "scoring"]) {
  await marketer.goto(`${base}/${p}`);
  await shoot(marketer, p);
}
await marketer.goto(`${base}/accounts`);
await marketer.getByRole("table").getByRole("row").nth(1).getByRole("link").first().click();
await shoot(marketer, "account");

const sdr = await signedIn("sdr@handoff.demo");
await shoot(sdr, "queue-sdr");
await sdr.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
await sdr.getByTestId("notification").first().waitFor();
await shoot(sdr, "notifications-sdr");
await sdr.keyboard.press("Escape");
const sales = await signedIn("sales@handoff.demo");
await sales.goto(`${base}/pipeline`);
await sales.getByTestId("column-opportunity").waitFor();
await shoot(sales, "pipeline-sales");
const admin = await signedIn("admin@handoff.demo");
await admin.goto(`${base}/team`);
await admin.getByRole("table", { name: "Reps" }).waitFor();
await shoot(admin, "team");
// The heaviest queue's leads, ready to be reassigned: the ones past their first-touch SLA ticked.
await admin.getByRole("link", { name: /^Reassign / }).first().click();
await admin.getByTestId("bulk-reassign").waitFor();
await admin.getByRole("button", { name: /^Select past SLA/ }).click();
await admin.getByTestId("bulk-reassign").scrollIntoViewIfNeeded();
await shoot(admin, "team-reassign");
for (const p of ["settings", "settings/routing", "settings/api-keys", "settings/webhooks", "api-docs", "import"]) {
  await admin.goto(`${base}/${p}`);
  await shoot(admin, p.replace("/", "-"));
}
await admin.goto(`${base}/settings/routing`);
await admin.getByRole("button", { name: /^Edit / }).first().click();
await admin.getByRole("dialog").waitFor();
await shoot(admin, "settings-routing-rule-dialog");
await admin.keyboard.press("Escape");
const laptop = await signedIn("sdr@handoff.demo", 1024, 700);
await laptop.goto(`${base}/contacts`);
await shoot(laptop, "contacts-1024");

await browser.close();

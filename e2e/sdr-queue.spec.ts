import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an SDR opens the top lead, logs a call, accepts it and qualifies it with BANT", async ({ page }) => {
  await signIn(page, "sdr");
  await expect(page).toHaveURL(/\/queue/);
  const first = page.getByTestId("queue-item").first();
  const name = (await first.locator("span.font-medium").first().innerText()).trim();
  await first.click();
  const panel = page.getByTestId("lead-panel");
  await expect(panel.getByTestId("lead-name")).toHaveText(name);
  await expect(panel.getByTestId("lead-reason")).toContainText("Why now");

  // A call: on the timeline, and the first touch stops the SLA clock.
  await panel.getByRole("button", { name: "Log call" }).click();
  const call = page.getByRole("dialog");
  await call.getByLabel("Outcome").selectOption("Connected");
  await call.getByLabel("Note").fill("Discussed their routing rules; keen on a demo.");
  await call.getByRole("button", { name: "Log call" }).click();
  await expect(panel.getByTestId("lead-notice")).toHaveText("Call logged on the timeline.");
  await expect(panel.getByTestId("timeline-event").first()).toContainText("Call — Connected");

  // Accept (→ SAL), with the keyboard if the lead is new, then qualify with BANT (→ SQL).
  if (await panel.getByRole("button", { name: "Accept" }).isVisible()) {
    await panel.getByRole("button", { name: "Accept" }).click();
    await expect(panel.getByTestId("lead-notice")).toContainText("Accepted");
  }
  await panel.getByRole("button", { name: "Qualify (SQL)" }).click();
  const qualify = page.getByRole("dialog");
  await qualify.getByRole("button", { name: "Qualify and hand over" }).click();
  await expect(qualify.getByText(/Give the budget/)).toBeVisible();
  await qualify.getByLabel("Budget").fill("$40k this year");
  await qualify.getByLabel("Authority").fill("VP Sales signs");
  await qualify.getByLabel("Need").fill("MQLs ignored by SDRs");
  await qualify.getByLabel("Timeline").fill("Decision by end of Q1");
  await qualify.getByRole("button", { name: "Qualify and hand over" }).click();
  await expect(panel.getByTestId("lead-notice")).toContainText("Qualified as SQL");
  // It has left the queue.
  await expect(page.getByTestId("queue-list").getByText(name, { exact: true })).toHaveCount(0);
});

test("an SDR rejects a lead with a reason and it leaves the queue", async ({ page }) => {
  await signIn(page, "sdr");
  const item = page.getByTestId("queue-item").nth(1);
  const name = (await item.locator("span.font-medium").first().innerText()).trim();
  await item.click();
  const panel = page.getByTestId("lead-panel");
  await expect(panel.getByTestId("lead-name")).toHaveText(name);
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Reject this lead" })).toBeVisible();
  await dialog.getByLabel("No budget").check();
  await dialog.getByLabel(/^Note/).fill("Frozen budget until next fiscal year.");
  await dialog.getByRole("button", { name: "Reject lead" }).click();
  await expect(panel.getByTestId("lead-notice")).toContainText("Rejected");
  await expect(page.getByTestId("queue-list").getByText(name, { exact: true })).toHaveCount(0);
});

test("two people act on the same lead and the second sees who got there first", async ({ browser }) => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [sdr, admin] = await Promise.all(contexts.map((c) => c.newPage()));
  await signIn(sdr!, "sdr");
  await signIn(admin!, "admin");
  const first = sdr!.getByTestId("queue-item").first();
  await first.click();
  await expect(sdr!).toHaveURL(/[?&]lead=/);
  const leadUrl = new URL(sdr!.url());
  const leadId = leadUrl.searchParams.get("lead")!;
  await admin!.goto(`/queue?lead=${leadId}`);
  const adminPanel = admin!.getByTestId("lead-panel");
  const sdrPanel = sdr!.getByTestId("lead-panel");
  await expect(adminPanel.getByTestId("lead-name")).toBeVisible();
  await expect(sdrPanel.getByTestId("lead-name")).toBeVisible();
  // Both look at the same version; the SDR logs a call first, then the admin's call is refused.
  for (const [page, note] of [
    [sdr!, "First call"],
    [admin!, "Second call"],
  ] as const) {
    const panel = page.getByTestId("lead-panel");
    await panel.getByRole("button", { name: "Log call" }).click();
    await page.getByRole("dialog").getByLabel("Note").fill(note);
    await page.getByRole("dialog").getByRole("button", { name: "Log call" }).click();
  }
  await expect(sdrPanel.getByTestId("lead-notice")).toHaveText("Call logged on the timeline.");
  await expect(adminPanel.getByTestId("lead-notice")).toContainText("This lead was just updated by Sam Rivera");
  await Promise.all(contexts.map((c) => c.close()));
});

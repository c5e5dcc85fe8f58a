import { expect, test, type Page } from "@playwright/test";
import { mainNav, signIn } from "./helpers";

type Handover = { id: string; name: string };

/** The SDR qualifies the top lead of their queue with BANT and hands it to Alex Chen. */
async function handTopLeadToAlex(sdr: Page, bant: { budget: string; need: string }): Promise<Handover> {
  const item = sdr.getByTestId("queue-item").first();
  const name = (await item.locator("span.font-medium").first().innerText()).trim();
  await item.click();
  const panel = sdr.getByTestId("lead-panel");
  await expect(panel.getByTestId("lead-name")).toHaveText(name);
  const id = new URL(sdr.url()).searchParams.get("lead")!;

  await panel.getByRole("button", { name: "Qualify (SQL)" }).click();
  const dialog = sdr.getByRole("dialog");
  await dialog.getByLabel("Budget").fill(bant.budget);
  await dialog.getByLabel("Authority").fill("Head of RevOps signs");
  await dialog.getByLabel("Need").fill(bant.need);
  await dialog.getByLabel("Timeline").fill("Decision this quarter");
  const handTo = dialog.getByLabel("Hand to");
  const alex = handTo.locator("option", { hasText: "Alex Chen" });
  await expect(alex).toHaveCount(1);
  await handTo.selectOption({ label: (await alex.innerText()).trim() });
  await dialog.getByRole("button", { name: "Qualify and hand over" }).click();
  await expect(panel.getByTestId("lead-notice")).toHaveText("Qualified as SQL and handed to Alex Chen.");
  await expect(sdr.getByTestId("queue-list").getByText(name, { exact: true })).toHaveCount(0);
  return { id, name };
}

test("a sales rep rejects one handed-over SQL with a reason and takes another to won", async ({ browser }) => {
  // The demo's older handovers were all taken long ago: an SDR hands Alex two fresh SQLs first.
  const sdrContext = await browser.newContext();
  const sdr = await sdrContext.newPage();
  await signIn(sdr, "sdr");
  const toReject = await handTopLeadToAlex(sdr, { budget: "Unknown", need: "Curious about lead scoring" });
  const toWin = await handTopLeadToAlex(sdr, { budget: "$40k approved this year", need: "MQLs sit unworked for days" });

  const salesContext = await browser.newContext();
  const page = await salesContext.newPage();
  await signIn(page, "sales");
  await mainNav(page).getByRole("link", { name: "Pipeline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My pipeline" })).toBeVisible();
  const handed = page.getByTestId("handed-over");
  const notice = page.getByTestId("pipeline-notice");

  // Both handovers wait for Alex, oldest first, with who qualified them and their BANT; the demo
  // data may already have others waiting, so the whole list is opened.
  const showAll = handed.getByRole("button", { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  const rejectCard = handed.locator(`[data-lead-id="${toReject.id}"]`);
  const winCard = handed.locator(`[data-lead-id="${toWin.id}"]`);
  await expect(rejectCard.getByRole("heading", { name: toReject.name })).toBeVisible();
  await expect(rejectCard).toContainText("Qualified by Sam Rivera");
  await expect(winCard.getByTestId("handover-bant")).toContainText("$40k approved this year");

  // Reject the first: a reason from the managed list is required; it goes back to Sam.
  await rejectCard.getByRole("button", { name: "Reject" }).click();
  const rejectDialog = page.getByRole("dialog");
  await expect(rejectDialog.getByRole("button", { name: "Reject and send back" })).toBeDisabled();
  await rejectDialog.getByLabel("No budget").check();
  await rejectDialog.getByLabel(/^Note/).fill("No budget until next fiscal year; worth nurturing with Sam.");
  await expect(rejectDialog.getByLabel(/Back to the SDR/)).toBeChecked();
  await rejectDialog.getByRole("button", { name: "Reject and send back" }).click();
  await expect(notice).toHaveText(`Rejected ${toReject.name} (No budget) and sent back to Sam Rivera.`);
  await expect(rejectCard).toHaveCount(0);

  // Sam finds it back in his queue as a SAL.
  await sdr.goto(`/queue?lead=${toReject.id}`);
  const sdrPanel = sdr.getByTestId("lead-panel");
  await expect(sdrPanel.getByTestId("lead-name")).toHaveText(toReject.name);
  await expect(sdrPanel.getByText("SAL", { exact: true })).toBeVisible();

  // Take the other: accept → opportunity → won.
  await winCard.getByRole("button", { name: "Accept" }).click();
  await expect(notice).toHaveText(`Accepted: ${toWin.name} is in your pipeline as an SQL.`);
  await expect(winCard).toHaveCount(0);
  const sqlCard = page.getByTestId("column-sql").locator(`[data-lead-id="${toWin.id}"]`);
  await sqlCard.getByRole("button", { name: "Open opportunity" }).click();
  await expect(notice).toHaveText(`${toWin.name} is now an opportunity.`);
  await expect(sqlCard).toHaveCount(0);
  const opportunityCard = page.getByTestId("column-opportunity").locator(`[data-lead-id="${toWin.id}"]`);
  await opportunityCard.getByRole("button", { name: "Won" }).click();
  const wonDialog = page.getByRole("dialog");
  await wonDialog.getByLabel("Note").fill("Annual plan, 25 seats");
  await wonDialog.getByRole("button", { name: "Mark as won" }).click();
  await expect(notice).toContainText("Won:");
  await expect(opportunityCard).toHaveCount(0);
  await expect(page.getByTestId("column-closed").getByTestId("closed-deal").first()).toContainText(toWin.name);

  // The contact is a customer now.
  await page.getByTestId("column-closed").getByTestId("closed-deal").first().getByRole("link").click();
  await expect(page.getByText("Customer").first()).toBeVisible();

  await Promise.all([sdrContext.close(), salesContext.close()]);
});

import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The marketer's loop on the model: edit a rule in a draft, see what it does to one contact before
 * publishing, publish, watch everyone rescored, and find the contact's stored score and its
 * breakdown changed.
 */
test("a marketer changes a fit rule in a draft, previews a contact, publishes and sees the contact rescored", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "marketer");

  // The best-fitting contacts earn every positive fit rule, "C-level or VP" (+20) among them.
  await page.goto("/contacts?sort=fit");
  const top = page.getByRole("table").getByRole("row").nth(1).locator("td:first-child a");
  const name = (await top.textContent())!.trim();
  await top.click();
  const breakdown = page.getByRole("listitem").filter({ hasText: "C-level or VP" });
  await expect(breakdown).toContainText("+20");
  const contactUrl = page.url();
  await expect(page.getByTestId("score-fit")).toHaveText("90 / 100");

  // A draft from the published model, with the executive rule worth 40.
  await page.goto("/scoring");
  await page.getByRole("button", { name: "New draft" }).first().click();
  await expect(page).toHaveURL(/\/scoring\/[0-9a-f-]{36}$/);
  const points = page.getByRole("spinbutton", { name: "C-level or VP: points" });
  await points.fill("40");

  // The live preview: the draft's fit against the published one, and the rule that moved.
  await page.getByLabel("Find a contact to preview").fill(name);
  await page.getByRole("listbox", { name: "Contacts" }).getByRole("option").first().click();
  await expect(page.getByTestId("preview-contact")).toContainText(name);
  await expect(page.getByTestId("preview-draft").getByTestId("preview-fit")).toContainText("100");
  await expect(page.getByTestId("preview-published").getByTestId("preview-fit")).toHaveText("90");
  await expect(page.getByTestId("preview-changes")).toContainText("C-level or VP");

  // Save, publish with confirmation, and watch the rescoring finish.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("C-level or VP");
  // Another journey may have published a version before this one: read the number off the dialog.
  const version = (await dialog.getByRole("heading").textContent())!.match(/Publish (v\d+)\?/)![1]!;
  await dialog.getByRole("button", { name: /and rescore/ }).click();
  await expect(page).toHaveURL(/\/scoring\?run=/);
  await expect(page.getByTestId("scoring-run")).toHaveAttribute("data-status", "completed", { timeout: 120_000 });

  // The contact's stored score and breakdown under the new version.
  await page.goto(contactUrl);
  await expect(page.getByText(new RegExp(`^Model ${version}\\b`))).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "C-level or VP" })).toContainText("+40");
  await expect(page.getByTestId("score-fit")).toHaveText("100 / 100");
});

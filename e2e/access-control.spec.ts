import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.describe("signed out", () => {
  test("pages redirect to sign-in and come back after it", async ({ page }) => {
    await page.goto("/contacts?stage=mql");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Work email").fill("marketer@handoff.demo");
    await page.getByLabel("Password").fill("handoff-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/contacts\?stage=mql$/);
  });

  test("route handlers answer 401 JSON", async ({ request }) => {
    for (const path of ["/api/users", "/api/contacts/00000000-0000-4000-8000-000000000000/timeline"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized:session");
    }
  });
});

test.describe("wrong role", () => {
  test("an SDR gets 403 on admin and marketer pages", async ({ page }) => {
    await signIn(page, "sdr");
    for (const path of ["/settings", "/calibration", "/scoring", "/funnel", "/team"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByText("You don't have access to this page")).toBeVisible();
    }
  });

  test("a marketer gets 403 on the queue and from admin route handlers", async ({ page }) => {
    await signIn(page, "marketer");
    const response = await page.goto("/queue");
    expect(response?.status()).toBe(403);
    const api = await page.request.get("/api/users");
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden:settings");
  });

  test("an admin reads the admin route handler", async ({ page }) => {
    await signIn(page, "admin");
    const api = await page.request.get("/api/users");
    expect(api.status()).toBe(200);
    expect((await api.json()).users.length).toBeGreaterThan(4);
  });
});

// Saved pages for reading offline, in Chromium: a service worker only after consent, which serves
// saved pages with no connection and an offline page for the rest, is removed with its caches when
// consent is withdrawn, and moves saved pages to a new cache when a new build is deployed.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sampleSiteInChromium } from "../helpers/browser.ts";
import { editText, runScript } from "../helpers/project.ts";

// Its own copy of the built site: the last test changes the content and builds it again.
const session = sampleSiteInChromium({ ownCopy: true });
const SAVED = ["/sen-support/what-is-sen-support/", "/services/adhd-family-support-line/"];
const NOT_SAVED = "/ehc-plans/mediation/";

const registrations = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    return paths;
  });

/** Loads url in page and waits for the network to go quiet: the worker registers after the page loads. */
async function goTo(page: Page, url: string): Promise<Page> {
  await page.goto(`${session.served.base}${url}`);
  await page.waitForLoadState("networkidle");
  return page;
}

const open = async (context: BrowserContext, url: string) => goTo(await context.newPage(), url);

/** A fresh profile that accepted feature cookies and saved SAVED with the heart. */
async function withSavedPages(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext();
  const page = await open(context, SAVED[0]!);
  await page.getByRole("button", { name: "Accept feature cookies" }).click();
  await expect.poll(() => registrations(page)).toBe(1);
  for (const url of SAVED) {
    await goTo(page, url);
    await page.locator("[data-save-button]").click();
    await expect.poll(() => cachedPaths(page)).toContain(url);
  }
  return { context, page };
}

describe("saved pages offline", () => {
  it("registers no worker and makes no cache without consent, even when the heart is pressed", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    for (const choice of ["none", "reject"] as const) {
      await goTo(page, SAVED[0]!);
      if (choice === "reject") await page.getByRole("button", { name: "Reject feature cookies" }).click();
      await page.locator("[data-save-button]").click();
      await page.waitForTimeout(500);
      expect(await registrations(page), choice).toBe(0);
      expect(await cacheNames(page), choice).toEqual([]);
    }
    await context.close();
  });

  it("serves saved pages with no connection, with their CSS, and the offline page for the rest", async () => {
    const { context, page } = await withSavedPages();
    await context.setOffline(true);
    for (const url of SAVED) {
      await page.goto(`${session.served.base}${url}`);
      expect(await page.locator("h1").innerText(), url).not.toBe("You are offline");
      expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor), url).not.toBe("rgba(0, 0, 0, 0)");
    }
    await page.goto(`${session.served.base}${NOT_SAVED}`);
    expect(await page.locator("h1").innerText()).toBe("You are offline");
    await expect
      .poll(() => page.locator("[data-offline-list] a").evaluateAll((links) => links.map((link) => link.getAttribute("href")).sort()))
      .toEqual([...SAVED].sort());

    await page.goto(`${session.served.base}/saved-pages/`);
    await expect.poll(() => page.locator(".app-saved-pages__offline").count()).toBe(SAVED.length);
    await context.close();
  });

  it("forgets a page taken off the saved list, and removes the worker and every cache when consent is withdrawn", async () => {
    const { context, page } = await withSavedPages();
    await page.locator("[data-save-button]").click(); // SAVED[1] is open: unsave it
    await expect.poll(() => cachedPaths(page)).not.toContain(SAVED[1]);
    expect(await cachedPaths(page)).toContain(SAVED[0]);

    const cookies = await open(context, "/cookies/");
    await cookies.getByLabel("No, do not allow feature cookies").check();
    await cookies.getByRole("button", { name: "Save cookie settings" }).click();
    await expect.poll(() => registrations(cookies)).toBe(0);
    await expect.poll(() => cacheNames(cookies)).toEqual([]);
    await context.close();
  });

  it("moves saved pages to a new cache, with the new build's CSS, when a new build is deployed", async () => {
    const { context, page } = await withSavedPages();
    const [before] = await cacheNames(page);
    const oldCss = await page.locator('link[rel="stylesheet"]').getAttribute("href");

    // A new deploy: a new brand colour gives new CSS, so a new worker and cache.
    await editText(session.served.dir, "content/_data/settings.yaml", (text) => text.replace(/^brandColour: "#[0-9a-f]{6}"/im, 'brandColour: "#2b4a6f"'));
    const rebuilt = await runScript("build", ["content", "_site"], session.served.dir);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    await page.reload();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.update());
    // The new worker fills its cache, then deletes the old one.
    await expect
      .poll(
        async () => {
          const names = await cacheNames(page);
          return names.length === 1 && names[0] !== before;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const newCss = await page.locator('link[rel="stylesheet"]').getAttribute("href");
    expect(newCss).not.toBe(oldCss);

    await context.setOffline(true);
    await page.goto(`${session.served.base}${SAVED[0]}`);
    expect(await page.locator('link[rel="stylesheet"]').getAttribute("href")).toBe(newCss);
    expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor)).toBe("rgb(43, 74, 111)");
    await context.close();
  });
});

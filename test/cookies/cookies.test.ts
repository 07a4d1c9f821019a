// Cookie consent, the cookies page and heart-to-save pages in Chromium: nothing optional before a
// choice, the heart with and without consent, withdrawing, tampered cookies and the keyboard.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { describe, it } from "vitest";
import { COOKIE_REGISTER, lifetimeDays, registerEntryFor, SAVED_PAGES_COOKIE, CONSENT_COOKIE, STORAGE_REGISTER } from "../../src/lib/cookies/register.ts";
import { MAX_SAVED_PAGES, pageIdOf } from "../../src/lib/saved-pages/page-ids.ts";
import { forEachAtOnce, inTabs, sampleSiteInChromium } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

const INFORMATION_PAGE = "/sen-support/if-you-think-your-child-has-sen/";
const SERVICE_PAGE = "/services/adhd-family-support-line/";
/** One page of every template. */
const TEMPLATES = [
  "/",
  "/sen-support/",
  INFORMATION_PAGE,
  "/services/",
  SERVICE_PAGE,
  "/services/category/holiday-clubs/",
  "/glossary/",
  "/a-to-z/",
  "/search/?q=autism",
  "/cookies/",
  "/saved-pages/",
  "/404.html",
  "/reckoners/",
  "/reckoners/support-at-school/",
  "/reckoners/support-at-school/answers/",
  "/reckoners/support-at-school/answers/yes/going-well/",
];

/**
 * A fresh browser profile, with the problems its pages report: open(url) opens a page in a tab of
 * its own; visitEach(urls, atOnce, work) goes through the pages a few at once, each tab going from
 * page to page, as opening a tab costs more than a page in it.
 */
async function freshContext(): Promise<{
  context: BrowserContext;
  problems: string[];
  open(url: string): Promise<Page>;
  visitEach(urls: readonly string[], atOnce: number, work: (page: Page, url: string) => Promise<void>): Promise<void>;
}> {
  const context = await session.browser.newContext();
  const problems: string[] = [];
  const at = new Map<Page, string>();
  const newTab = async () => {
    const page = await context.newPage();
    page.on("console", (message) => message.type() === "error" && problems.push(`${at.get(page)}: ${message.text()}`));
    page.on("pageerror", (error) => problems.push(`${at.get(page)}: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`${at.get(page)}: dialog ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  };
  const goTo = async (page: Page, url: string) => {
    at.set(page, url);
    await page.goto(`${session.served.base}${url}`);
    await page.waitForLoadState("networkidle");
    return page;
  };
  const open = async (url: string) => goTo(await newTab(), url);
  const visitEach = (urls: readonly string[], atOnce: number, work: (page: Page, url: string) => Promise<void>) =>
    inTabs(newTab, urls, atOnce, async (page, url) => work(await goTo(page, url), url));
  return { context, problems, open, visitEach };
}

const heart = (page: Page) => page.locator("[data-save-button]");
const banner = (page: Page) => page.getByRole("region", { name: /^Cookies on / });
const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((cookie) => cookie.name).sort();
/** The day the saved-pages cookie says the list last changed: today, in the browser's own reckoning (UTC). */
const today = () => new Date().toISOString().slice(0, 10);
const cookieValue = async (context: BrowserContext, name: string) => (await context.cookies()).find((cookie) => cookie.name === name)?.value;

// Its tests run at the same time (describe.concurrent): each has a browser profile of its own and changes nothing shared.
describe.concurrent("cookie consent", () => {
  it("sets no cookie on any kind of page before a choice, even when the heart is pressed", async ({ expect }) => {
    const { context, problems, visitEach } = await freshContext();
    // Several pages at once in the one browser profile: none of them may set a cookie.
    await visitEach(TEMPLATES, 4, async (page, url) => {
      expect(await banner(page).isVisible(), url).toBe(true);
      if (await heart(page).count()) {
        await heart(page).click();
        expect(await page.locator("[data-save-consent]").isVisible(), url).toBe(true);
        expect(await heart(page).getAttribute("aria-pressed"), url).toBe("false");
      }
      expect(await cookieNames(context), url).toEqual([]);
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("after accepting, the heart saves pages across pages and reloads, and /saved-pages/ lists them", async ({ expect }) => {
    const { context, problems, open } = await freshContext();
    const page = await open(INFORMATION_PAGE);
    await banner(page).getByRole("button", { name: "Accept feature cookies" }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cookie-confirmation"))).toBe("accept");
    expect(await cookieValue(context, CONSENT_COOKIE)).toBe("v1-yes");
    await heart(page).click();
    await expect.poll(() => heart(page).getAttribute("aria-pressed")).toBe("true");
    expect(await heart(page).textContent()).toContain("Saved");

    const service = await open(SERVICE_PAGE);
    expect(await banner(service).isVisible()).toBe(false);
    await heart(service).click();
    await expect.poll(() => heart(service).getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    await expect.poll(() => heart(page).getAttribute("aria-pressed")).toBe("true");
    expect(await cookieValue(context, SAVED_PAGES_COOKIE)).toBe(`${today()}~${pageIdOf(INFORMATION_PAGE)}.${pageIdOf(SERVICE_PAGE)}`);

    const saved = await open("/saved-pages/");
    await expect.poll(() => saved.locator("[data-saved-list] li").count()).toBe(2);
    expect(await saved.locator("[data-saved-list] a").first().getAttribute("href")).toBe(INFORMATION_PAGE);
    expect(await saved.locator("[data-saved-share-link]").inputValue()).toBe(
      `${session.served.base}/saved-pages/?p=${pageIdOf(INFORMATION_PAGE)}.${pageIdOf(SERVICE_PAGE)}`,
    );
    await saved
      .getByRole("button", { name: /^Remove .* from your saved pages$/ })
      .first()
      .click();
    await expect.poll(() => saved.locator("[data-saved-list] li").count()).toBe(1);
    expect(await cookieValue(context, SAVED_PAGES_COOKIE)).toBe(`${today()}~${pageIdOf(SERVICE_PAGE)}`);
    await saved.getByRole("button", { name: "Remove all saved pages" }).click();
    await expect.poll(() => saved.locator("[data-saved-list] li").count()).toBe(0);
    expect(await cookieNames(context)).toEqual([CONSENT_COOKIE]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("after rejecting, sets no optional cookie whatever is pressed", async ({ expect }) => {
    const { context, problems, open, visitEach } = await freshContext();
    const page = await open(SERVICE_PAGE);
    await banner(page).getByRole("button", { name: "Reject feature cookies" }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cookie-confirmation"))).toBe("reject");
    await banner(page).getByRole("button", { name: "Hide cookie message" }).click();
    expect(await banner(page).isVisible()).toBe(false);
    await heart(page).click();
    expect(await page.locator("[data-save-consent]").isVisible()).toBe(true);
    await visitEach(TEMPLATES, 4, async (other) => {
      if (await heart(other).count()) await heart(other).click();
    });
    expect(await cookieNames(context)).toEqual([CONSENT_COOKIE]);
    expect(await cookieValue(context, CONSENT_COOKIE)).toBe("v1-no");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the heart without consent offers, in place, to allow feature cookies and save in one press", async ({ expect }) => {
    const { context, open } = await freshContext();
    const page = await open(INFORMATION_PAGE);
    await heart(page).click();
    const offer = page.locator("[data-save-consent]");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-save-consent"))).toBe(true);
    await offer.getByRole("button", { name: "Allow feature cookies and save this page" }).click();
    await expect.poll(() => heart(page).getAttribute("aria-pressed")).toBe("true");
    expect(await offer.isVisible()).toBe(false);
    expect(await banner(page).isVisible()).toBe(false);
    expect(await cookieValue(context, CONSENT_COOKIE)).toBe("v1-yes");
    expect(await cookieValue(context, SAVED_PAGES_COOKIE)).toBe(`${today()}~${pageIdOf(INFORMATION_PAGE)}`);
    await context.close();
  });

  it("withdrawing consent on /cookies/ deletes every feature cookie at once", async ({ expect }) => {
    const { context, open } = await freshContext();
    const page = await open(INFORMATION_PAGE);
    await banner(page).getByRole("button", { name: "Accept feature cookies" }).click();
    await heart(page).click();
    await expect.poll(() => cookieValue(context, SAVED_PAGES_COOKIE)).toBeDefined();
    const settings = await open("/cookies/");
    expect(await settings.getByLabel("Yes, allow feature cookies").isChecked()).toBe(true);
    await settings.getByLabel("No, do not allow feature cookies").check();
    await settings.getByRole("button", { name: "Save cookie settings" }).click();
    expect(await settings.getByRole("alert").filter({ hasText: "You’ve set your cookie preferences." }).isVisible()).toBe(true);
    expect(await settings.evaluate(() => document.activeElement?.hasAttribute("data-cookie-settings-saved"))).toBe(true);
    expect(await cookieNames(context)).toEqual([CONSENT_COOKIE]);
    expect(await cookieValue(context, CONSENT_COOKIE)).toBe("v1-no");
    await page.reload();
    expect(await heart(page).getAttribute("aria-pressed")).toBe("false");
    await context.close();
  });

  it("holds only cookies from the register, each for the register's lifetime", async ({ expect }) => {
    const { context, open } = await freshContext();
    const page = await open(SERVICE_PAGE);
    await banner(page).getByRole("button", { name: "Accept feature cookies" }).click();
    await heart(page).click();
    await open("/saved-pages/");
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual([CONSENT_COOKIE, SAVED_PAGES_COOKIE]);
    const now = Date.now() / 1000;
    for (const cookie of cookies) {
      expect(registerEntryFor(cookie.name), cookie.name).toBeDefined();
      expect(Math.abs(cookie.expires - now - lifetimeDays(cookie.name) * 86_400), cookie.name).toBeLessThan(60);
      expect(cookie.path).toBe("/");
      expect(cookie.sameSite).toBe("Lax");
    }
    await context.close();
  });

  it("the cookies page's tables list exactly the register", async ({ expect }) => {
    const html = await readFile(path.join(session.served.site, "cookies/index.html"), "utf8");
    const names = [...html.matchAll(/<th scope="row" class="govuk-table__header"><code>([^<]+)<\/code><\/th>/g)].map((match) =>
      match[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
    );
    expect(names).toEqual([...COOKIE_REGISTER, ...STORAGE_REGISTER].map((entry) => entry.name));
  });

  it("treats tampered cookies as empty, with no errors and nothing injected", async ({ expect }) => {
    const service = pageIdOf(SERVICE_PAGE);
    // [cookie, tampered value, how many saved pages /saved-pages/ should still list]
    const tampered: Array<[string, string, number]> = [
      [SAVED_PAGES_COOKIE, encodeURIComponent("<img src=x onerror=alert(1)>"), 0],
      [SAVED_PAGES_COOKIE, "x".repeat(3000), 0],
      [SAVED_PAGES_COOKIE, `%E0%A4%A.${service}.zzzzzz`, 0],
      [SAVED_PAGES_COOKIE, `${service}.${encodeURIComponent("<b>x</b>")}.zzzzzz.ZZZZZZ.${encodeURIComponent('{"a":1}')}.${service}`, 1],
      [CONSENT_COOKIE, encodeURIComponent("<script>alert(1)</script>"), 0],
      [CONSENT_COOKIE, "v99-yes", 0],
      [CONSENT_COOKIE, "%FF%FE", 0],
    ];
    // Each in a browser profile of its own, several at once.
    await forEachAtOnce(tampered, 4, async ([name, value, listed]) => {
      const { context, problems, open } = await freshContext();
      await context.addCookies([
        { name: CONSENT_COOKIE, value: "v1-yes", url: session.served.base },
        { name, value, url: session.served.base },
      ]);
      const label = `${name}=${value.slice(0, 40)}`;
      const page = await open(SERVICE_PAGE);
      expect(await page.locator("img[src=x], body script:not([src])").count(), label).toBe(0);
      expect(await heart(page).getAttribute("aria-pressed"), label).toBe(String(listed > 0));
      const saved = await open("/saved-pages/");
      expect(await saved.locator("img[src=x]").count(), label).toBe(0);
      await expect.poll(() => saved.locator("[data-saved-intro]").isVisible(), { message: label }).toBe(true);
      expect(await saved.locator("[data-saved-list] a").count(), label).toBe(listed);
      // Still usable: the heart answers, by saving or by offering to allow cookies.
      await heart(page).click();
      await expect
        .poll(async () => (await page.locator("[data-save-consent]").isVisible()) || (await heart(page).getAttribute("aria-pressed")) !== String(listed > 0), {
          message: label,
        })
        .toBe(true);
      expect(problems, label).toEqual([]);
      await context.close();
    });
  });

  it("explains the limit when the most pages are saved, and saves nothing more", async ({ expect }) => {
    const { context, open } = await freshContext();
    const full = Array.from({ length: MAX_SAVED_PAGES }, (_, n) => n.toString(36).padStart(6, "0")).join(".");
    await context.addCookies([
      { name: CONSENT_COOKIE, value: "v1-yes", url: session.served.base },
      { name: SAVED_PAGES_COOKIE, value: full, url: session.served.base },
    ]);
    const page = await open(INFORMATION_PAGE);
    await heart(page).click();
    expect(await page.locator("[data-save-status]").textContent()).toContain(`You have saved ${MAX_SAVED_PAGES} pages, the most this site can remember`);
    expect(await heart(page).getAttribute("aria-pressed")).toBe("false");
    expect(await cookieValue(context, SAVED_PAGES_COOKIE)).toBe(full);
    await context.close();
  });

  it("a shared list shows its pages without storing anything", async ({ expect }) => {
    const { context, open } = await freshContext();
    const page = await open(`/saved-pages/?p=${pageIdOf(SERVICE_PAGE)}.gone00.${pageIdOf(INFORMATION_PAGE)}`);
    await expect.poll(() => page.locator("[data-saved-list] a").count()).toBe(2);
    expect(await page.locator("[data-saved-intro]").textContent()).toContain("shared this list");
    expect(await page.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    expect(await cookieNames(context)).toEqual([]);
    await context.close();
  });

  it("works by keyboard alone: the banner, the heart and the saved pages", async ({ expect }) => {
    const { context, open } = await freshContext();
    const page = await open(INFORMATION_PAGE);
    /** Presses Tab until the focused element matches, as a keyboard user would. */
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Accept feature cookies");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cookie-confirmation"))).toBe("accept");
    await tabTo("[data-save-button]");
    await page.keyboard.press("Space");
    await expect.poll(() => heart(page).getAttribute("aria-pressed")).toBe("true");

    const saved = await open("/saved-pages/");
    await expect.poll(() => saved.locator("[data-saved-list] li").count()).toBe(1);
    for (let presses = 0; presses < 60 && !(await saved.evaluate(() => document.activeElement?.classList.contains("app-saved-pages__remove"))); presses++)
      await saved.keyboard.press("Tab");
    await saved.keyboard.press("Enter");
    await expect.poll(() => saved.locator("[data-saved-list] li").count()).toBe(0);
    expect(await saved.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await context.close();
  });

  // 12 kB (from 11): a question tool's step page reached 11.6 kB with GOV.UK's Button script (Space
  // presses "Start now") and the Change links of "Check your answers". 12.5 kB (from 12): a directory
  // category page reached 12.1 kB when every page's script, already sending feedback in place, came
  // to bind the request letter and analytics and to keep the consent cookie's analytics answer.
  it("loads at most 8 kB of compressed JavaScript on every page, and at most 12.5 kB in all on any page", async ({ expect }) => {
    const { context, open } = await freshContext();
    const gzipped = async (scripts: string[]) => {
      let bytes = 0;
      for (const script of scripts) bytes += gzipSync(await readFile(path.join(session.served.site, script))).length;
      return bytes;
    };
    let everyPage: string[] | undefined;
    // Several pages at once: each request is counted for the page that made it.
    const scriptsOf = new Map<Page, string[]>();
    context.on("page", (page) => scriptsOf.set(page, []));
    context.on("request", (request) => request.resourceType() === "script" && scriptsOf.get(request.frame().page())?.push(new URL(request.url()).pathname));
    await forEachAtOnce(TEMPLATES, 4, async (url) => {
      const page = await open(url);
      // Each file once: a loaded machine's browser can ask for a file again (seen in CI), which is
      // no more script for the page to run.
      const scripts = [...new Set(scriptsOf.get(page))];
      expect(scripts.length, url).toBeGreaterThan(0);
      // What every page loads: the scripts all of them share (the site bundle and its static chunks).
      everyPage = everyPage ? everyPage.filter((script) => scripts.includes(script)) : scripts;
      // Search's own bundle is fetched when someone searches, which /search/?q= does on opening.
      if (!url.startsWith("/search/")) expect(await gzipped(scripts), `${url}: ${scripts.join(", ")}`).toBeLessThanOrEqual(12.5 * 1024);
      await page.close();
    });
    expect(await gzipped(everyPage!), everyPage!.join(", ")).toBeLessThanOrEqual(8 * 1024);
    await context.close();
  });
});

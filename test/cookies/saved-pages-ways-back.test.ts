// Saved pages as families come back to them: the header's link and count (after consent only), the
// footer's link, how long the list is kept, the warning before saying no wipes it, a list someone
// shared (titled as such, with "Save these pages"), and the phone's share sheet, at a phone's width
// and a computer's.
import type { BrowserContext, Page } from "playwright-core";
import { describe, it } from "vitest";
import { CONSENT_COOKIE, lifetimeDays, SAVED_PAGES_COOKIE } from "../../src/lib/cookies/register.ts";
import { pageIdOf } from "../../src/lib/saved-pages/page-ids.ts";
import { sampleSiteInChromium } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

const INFORMATION_PAGE = "/sen-support/if-you-think-your-child-has-sen/";
const SERVICE_PAGE = "/services/adhd-family-support-line/";
const WIDTHS = [390, 1280];

async function freshContext(width: number, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await session.browser.newContext({ viewport: { width, height: 900 }, ...options });
  const problems: string[] = [];
  // One tab, going from page to page as a family would: a new tab costs more than a page load.
  let tab: Page | undefined;
  let at = "";
  const open = async (url: string) => {
    if (!tab) {
      tab = await context.newPage();
      tab.on("console", (message) => message.type() === "error" && problems.push(`${at}: ${message.text()}`));
      tab.on("pageerror", (error) => problems.push(`${at}: ${error.message}`));
    }
    at = url;
    await tab.goto(`${session.served.base}${url}`);
    await tab.waitForLoadState("networkidle");
    return tab;
  };
  return { context, problems, open };
}

const accept = (page: Page) => page.getByRole("button", { name: "Accept feature cookies" }).click();
const heart = (page: Page) => page.locator("[data-save-button]");
const headerLink = (page: Page) => page.locator('.govuk-service-navigation [data-module="app-saved-pages-link"]');
const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((cookie) => cookie.name).sort();

/** The header's links sit behind the menu button on a phone. */
async function openMenu(page: Page): Promise<void> {
  const menu = page.getByRole("button", { name: /Menu/ });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "false") await menu.click();
}

/** How the site says a day: "5 January 2027". */
const longDate = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

async function savePages(open: (url: string) => Promise<Page>, urls: string[]): Promise<Page> {
  let page: Page | undefined;
  for (const [index, url] of urls.entries()) {
    page = await open(url);
    if (index === 0) await accept(page);
    await heart(page).click();
    await page.locator("[data-save-status]").getByText("Saved on this device").waitFor();
  }
  return page!;
}

describe.concurrent("ways back to saved pages", () => {
  for (const width of WIDTHS) {
    it(`at ${width} px, shows 'Saved pages' with the count in the header only once something is saved, and always in the footer`, async ({ expect }) => {
      const { context, problems, open } = await freshContext(width);
      const page = await open(INFORMATION_PAGE);
      await openMenu(page);
      expect(await headerLink(page).isVisible()).toBe(false);
      expect(await page.locator("#site-footer").getByRole("link", { name: "Saved pages" }).isVisible()).toBe(true);
      // Pressing the heart without consent saves nothing, so there is still nothing to link to.
      await heart(page).click();
      expect(await headerLink(page).isHidden()).toBe(true);
      expect(await cookieNames(context)).toEqual([]);

      await savePages(open, [INFORMATION_PAGE, SERVICE_PAGE]);
      const elsewhere = await open("/a-to-z/");
      await openMenu(elsewhere);
      await expect.poll(() => headerLink(elsewhere).isVisible()).toBe(true);
      expect(await headerLink(elsewhere).getByRole("link").innerText()).toBe("Saved pages (2)");
      expect(await headerLink(elsewhere).getByRole("link").getAttribute("href")).toBe("/saved-pages/");

      // The count follows the list on the page where it changes, and the link goes with the last page.
      const service = await open(SERVICE_PAGE);
      await openMenu(service);
      await heart(service).click();
      await expect.poll(() => headerLink(service).innerText()).toBe("Saved pages (1)");
      const saved = await open("/saved-pages/");
      await saved.getByRole("button", { name: "Remove all saved pages" }).click();
      await openMenu(saved);
      await expect.poll(() => headerLink(saved).isHidden()).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("has the footer's link without JavaScript, and no header link", async ({ expect }) => {
    const { context, open } = await freshContext(390, { javaScriptEnabled: false });
    const page = await open(INFORMATION_PAGE);
    expect(await page.locator("#site-footer").getByRole("link", { name: "Saved pages" }).getAttribute("href")).toBe("/saved-pages/");
    expect(await headerLink(page).isHidden()).toBe(true);
    await context.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px, says how long saved pages are kept, from the day the list last changed`, async ({ expect }) => {
      const { context, problems, open } = await freshContext(width);
      const page = await savePages(open, [INFORMATION_PAGE]);
      const cookie = (await context.cookies()).find((found) => found.name === SAVED_PAGES_COOKIE)!;
      const until = longDate(new Date(cookie.expires * 1000));
      expect(until).toBe(longDate(new Date(Date.now() + lifetimeDays(SAVED_PAGES_COOKIE) * 86400 * 1000)));
      const keptText = `kept until ${until}, 30 days after your last change`;
      expect(await page.locator("[data-save-status]").innerText()).toContain(keptText);
      const saved = await open("/saved-pages/");
      await expect.poll(() => saved.locator("[data-saved-intro]").innerText()).toBe(`You have saved 1 page on this device. They are ${keptText}.`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  for (const width of WIDTHS) {
    it(`at ${width} px, warns with the count before saying no on the cookies page wipes saved pages and answers`, async ({ expect }) => {
      const { context, problems, open } = await freshContext(width);
      await savePages(open, [INFORMATION_PAGE, SERVICE_PAGE]);
      const tool = await open("/reckoners/support-at-school/");
      await tool.getByRole("button", { name: "Start now" }).click();
      await tool.getByLabel("No", { exact: true }).check();
      await tool.getByRole("button", { name: "Continue" }).click();
      await expect.poll(() => cookieNames(context)).toContain("support-at-school-history");

      const settings = await open("/cookies/");
      const warning = settings.locator("[data-cookie-settings-warning]");
      expect(await warning.isVisible()).toBe(false);
      await settings.getByLabel("No, do not allow feature cookies").check();
      await expect.poll(() => warning.isVisible()).toBe(true);
      expect(await warning.innerText()).toContain("Saying no removes your 2 saved pages and your answers in 1 question tool from this device straight away.");
      const save = settings.getByRole("button", { name: "Save cookie settings" });
      expect(await save.getAttribute("aria-describedby")).toBe("cookie-settings-warning");
      // Nothing goes until the choice is saved: the warning comes before it.
      expect(await cookieNames(context)).toContain(SAVED_PAGES_COOKIE);
      await settings.getByLabel("Yes, allow feature cookies").check();
      await expect.poll(() => warning.isVisible()).toBe(false);
      await settings.getByLabel("No, do not allow feature cookies").check();
      await save.click();
      expect(await cookieNames(context)).toEqual([CONSENT_COOKIE]);
      await expect.poll(() => warning.isVisible()).toBe(false);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("says nothing of the kind when nothing is saved", async ({ expect }) => {
    const { context, open } = await freshContext(1280);
    const page = await open("/cookies/");
    await accept(page);
    await page.getByLabel("No, do not allow feature cookies").check();
    expect(await page.locator("[data-cookie-settings-warning]").isVisible()).toBe(false);
    await context.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px, titles a shared list for what it is, and saves it for the recipient after consent`, async ({ expect }) => {
      const { context, problems, open } = await freshContext(width);
      const codes = `${pageIdOf(INFORMATION_PAGE)}.${pageIdOf(SERVICE_PAGE)}`;
      const page = await open(`/saved-pages/?p=${codes}`);
      await expect.poll(() => page.locator("h1").innerText()).toBe("Pages shared with you");
      expect(await page.title()).toMatch(/^Pages shared with you/);
      expect(await page.locator("[data-saved-list] li").count()).toBe(2);
      expect(await cookieNames(context)).toEqual([]);
      await page.getByRole("button", { name: "Save these pages" }).click();
      // Consent first, as the heart asks it.
      const consent = page.locator("[data-saved-consent]");
      expect(await consent.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-saved-consent"))).toBe(true);
      expect(await cookieNames(context)).toEqual([]);
      await consent.getByRole("button", { name: "Allow feature cookies and save these pages" }).click();
      await expect.poll(() => page.locator("[data-saved-status]").innerText()).toMatch(/^Saved 2 pages on this device\. Your saved pages are kept until /);
      expect((await context.cookies()).find((found) => found.name === SAVED_PAGES_COOKIE)?.value).toMatch(new RegExp(`~${codes.replace(".", "\\.")}$`));
      await openMenu(page);
      await expect.poll(() => headerLink(page).innerText()).toBe("Saved pages (2)");
      const own = await open("/saved-pages/");
      await expect.poll(() => own.locator("h1").innerText()).toBe("Your saved pages");
      await expect.poll(() => own.locator("[data-saved-list] li").count()).toBe(2);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("uses the phone's share sheet where the browser has one", async ({ expect }) => {
    const { context, problems, open } = await freshContext(390);
    // The browser's API is the boundary: record what the page asks it to share.
    await context.addInitScript(() => {
      const calls: ShareData[] = [];
      Object.defineProperty(window, "sharedWith", { value: calls });
      Object.defineProperty(Navigator.prototype, "share", { configurable: true, value: async (data: ShareData) => void calls.push(data) });
    });
    const codes = pageIdOf(INFORMATION_PAGE);
    const page = await open(`/saved-pages/?p=${codes}`);
    const share = page.getByRole("button", { name: "Share link" });
    await expect.poll(() => share.isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy link" }).count()).toBe(0);
    await share.click();
    const calls = await page.evaluate(() => (window as unknown as { sharedWith: ShareData[] }).sharedWith);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${session.served.base}/saved-pages/?p=${codes}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("copies the link where the browser has no share sheet", async ({ expect }) => {
    const { context, problems, open } = await freshContext(1280);
    await context.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.served.base });
    const codes = pageIdOf(SERVICE_PAGE);
    const page = await open(`/saved-pages/?p=${codes}`);
    await expect.poll(() => page.getByRole("button", { name: "Copy link" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Share link" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.locator("[data-saved-status]").innerText()).toBe("Link copied. Anyone you send it to will see this list.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${session.served.base}/saved-pages/?p=${codes}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

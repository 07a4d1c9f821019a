// Every page in Chromium with the real Content-Security-Policy, on the narrowest phone: no violations,
// no console errors, no axe violations of WCAG 2.2 A and AA, no sideways scrolling, and printable;
// then readable and navigable with JavaScript off, and usable by keyboard.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, it } from "vitest";
import { parse } from "yaml";
import { onePageOfEachKind, pagesToCheck } from "../scripts/support/site-pages.ts";
import { AXE_STYLE_RULES, axeViolations, inTabs, NARROWEST, sampleSiteInChromium, sidewaysScroll, withAxe } from "./helpers/browser.ts";
import { contentSecurityPolicy } from "../src/pipeline/security-headers.ts";

const session = sampleSiteInChromium();
/** The policy the build writes into the sample site's _headers: its settings switch no analytics on. */
const sitePolicy = contentSecurityPolicy();

/** What only works on a screen, and so is left off paper. */
const SCREEN_ONLY = [
  ".govuk-skip-link",
  ".govuk-service-navigation",
  ".govuk-breadcrumbs",
  ".app-section-nav",
  ".govuk-cookie-banner",
  ".govuk-footer__inline-list",
  ".app-search-box",
  ".app-save-page",
  ".govuk-button",
  ".app-translate",
  ".app-contents-list",
  "a[href^='geo:']",
  "[data-cookie-settings-form]",
  "[data-cookie-settings-no-js]",
];

/**
 * What is wrong with the page as printed: the council and site's names not at the top, a control
 * that only works on a screen, no "Printed from" with the page's address or no review date, a link
 * to a page here without its full address after it, or a link whose words are its address printed
 * with the address again. Read in one go: a question to the browser per element would take most of
 * the walk's time.
 */
async function printProblems(page: Page, printHeader: string): Promise<string[]> {
  await page.emulateMedia({ media: "print" });
  const problems = await page.evaluate(
    ({ printHeader, screenOnly }) => {
      const found: string[] = [];
      // A page with a request letter prints the letter alone (test/pages/assessment-request.test.ts).
      if (document.querySelector(".app-letter")) return found;
      const shown = (element: Element) => (element as HTMLElement).checkVisibility();
      const withText = (text: string) => [...document.querySelectorAll("body *")].find((element) => element.textContent?.trim() === text && shown(element));
      const header = withText(printHeader);
      const title = document.querySelector("h1");
      if (!header) found.push(`no "${printHeader}" at the top`);
      else if (title && header.getBoundingClientRect().top >= title.getBoundingClientRect().top) found.push("the print header is not above the heading");
      for (const selector of screenOnly) if ([...document.querySelectorAll(selector)].some(shown)) found.push(`${selector} is printed`);
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
      // The page's own address in full (a question tool's step points search engines elsewhere).
      const address = canonical ? new URL(location.pathname, canonical).href : "";
      if (!withText(`Printed from ${address}`)) found.push(`no "Printed from ${address}"`);
      if (
        document.querySelector(".app-page-meta") &&
        ![...document.querySelectorAll(".app-page-meta *")].some((element) => /^Last reviewed:/.test(element.textContent?.trim() ?? "") && shown(element))
      )
        found.push("no review date");
      const link = document.querySelector(".app-prose a[href^='/']");
      const after = link ? getComputedStyle(link, "::after").content : "";
      if (link && !/^" \(https:\/\/localoffer\.hartsfield\.example" attr\(href\) "\)"$|^" \(https:\/\/localoffer\.hartsfield\.example\/[^"]*\)"$/.test(after))
        found.push(`a link to a page here is printed without its full address: ${after}`);
      // A link whose words are its address (a phone number, an email or web address) has no address after it.
      // A link to a page here prints as the site's full address, which its words (a path) are not.
      const site = canonical ? new URL(canonical).host : "";
      const plain = (address: string) =>
        /^(tel:|\+?\d[\d ]+$)/.test(address.trim())
          ? address.replace(/\D/g, "").replace(/^44/, "0")
          : address
              .trim()
              .toLowerCase()
              .replace(/^(?:mailto:|(?:https?:\/\/)?(?:www\.)?)/, "")
              .replace(/\/$/, "");
      for (const link of document.querySelectorAll("main a")) {
        const after = getComputedStyle(link, "::after").content;
        const href = link.getAttribute("href") ?? "";
        if (after !== "none" && after !== "normal" && plain(link.textContent ?? "") === plain(href.startsWith("/") ? `${site}${href}` : href))
          found.push(`printed with its address twice: ${link.outerHTML}`);
      }
      return found;
    },
    { printHeader, screenOnly: SCREEN_ONLY },
  );
  await page.emulateMedia({ media: "screen" });
  return problems;
}

// Its tests run at the same time (describe.concurrent): each has a browser profile of its own and changes nothing shared.
describe.concurrent("in Chromium", () => {
  it("loads every page (a sample of reckoner steps) at 320 px under the site's CSP with no violations, no console errors, no axe violations of WCAG 2.2 AA and no sideways scrolling, runs the script, and prints it", async ({
    expect,
  }) => {
    const walked = await pagesToCheck(session.served.site);
    expect(walked.pages.length).toBeGreaterThan(30);
    // axe's rules that read how elements are drawn run on one page of each kind of element, which
    // gives each kind its styles' answer (see AXE_STYLE_RULES); its other rules run on every page.
    const ofEachKind = new Set((await onePageOfEachKind(session.served.site)).pages);
    const pages = [...new Set([...walked.pages, ...ofEachKind])];
    const { councilName, siteName } = parse(await readFile(path.join(session.served.dir, "content/_data/settings.yaml"), "utf8"));
    const context = await session.browser.newContext({ viewport: NARROWEST });
    await withAxe(context);
    // Recorded by the browser itself, before any page script runs.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const problems: string[] = [];
    const at = new Map<Page, string>();
    const openTab = async () => {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") problems.push(`${at.get(page)}: console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`${at.get(page)}: ${error.message}`));
      return page;
    };
    const visit = async (page: Page, url: string) => {
      at.set(page, url);
      const response = await page.goto(`${session.served.base}${url}`);
      // The site's own policy on every page (the content editor, not in this walk, has its own: test/cms/).
      expect(response?.headers()["content-security-policy"], url).toBe(sitePolicy);
      problems.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).map((v) => `${url}: CSP ${v}`));
      expect(await page.evaluate(() => document.body.classList.contains("govuk-frontend-supported")), url).toBe(true);
      // As a first visit sees the page: with the cookie banner the script shows.
      if (await page.locator('[data-module="app-cookie-banner"]').count()) await page.locator(".govuk-cookie-banner:not([hidden])").waitFor();
      problems.push(...(await axeViolations(page, { withoutStyleRules: !ofEachKind.has(url) })).map((violation) => `${url}: ${violation}`));
      const { scrollWidth, widest } = await sidewaysScroll(page);
      if (scrollWidth > NARROWEST.width) problems.push(`${url}: scrolls sideways at 320 px: ${scrollWidth} px, ${widest.join(", ")}`);
      problems.push(...(await printProblems(page, `${councilName}: ${siteName}`)).map((problem) => `${url} printed: ${problem}`));
    };
    await inTabs(openTab, pages, 3, visit);
    await context.close();
    expect(problems.sort()).toEqual([]);
  }, 600_000);

  it("can fail: axe reports an unlabelled image, an empty link, a page with no language and, with the rules that read styles, faint text", async ({
    expect,
  }) => {
    const page = await session.browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><title>Bad</title></head><body><main><img src="x.png"><a href="/"></a></main></body></html>');
    const found = await axeViolations(page);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^axe image-alt: /),
        expect.stringMatching(/^axe link-name: /),
        expect.stringMatching(/^axe html-has-lang: /),
      ]),
    );
    // Without the rules that read styles, faint text passes; with them, it is reported.
    await page.setContent(
      '<!DOCTYPE html><html lang="en"><head><title>Faint</title></head><body><main><p style="color: #ddd">Faint words</p></main></body></html>',
    );
    expect(AXE_STYLE_RULES).toContain("color-contrast");
    expect(await axeViolations(page, { withoutStyleRules: true })).toEqual([]);
    expect(await axeViolations(page)).toEqual([expect.stringMatching(/^axe color-contrast: /)]);
    await page.close();
  });

  it("can fail: an inline script in a page is reported as a CSP violation", async ({ expect }) => {
    const context = await session.browser.newContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(event.violatedDirective));
    });
    const page = await context.newPage();
    await page.goto(`${session.served.base}/`);
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
    });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toContain("script-src-elem");
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await context.close();
  });

  it("reads and navigates with JavaScript off, from the home page to a page and to a service", async ({ expect }) => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.served.base}/`);
    const sectionTitle = /^title: (.+)$/m.exec(await readFile(`${session.served.dir}/content/sen-support/index.md`, "utf8"))![1]!;
    await page.getByRole("main").getByRole("link", { name: sectionTitle, exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${session.served.base}/sen-support/`);
    await page
      .getByRole("main")
      .getByRole("link", { name: /graduated approach/i })
      .first()
      .click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/graduated approach/i);
    await page.getByRole("link", { name: "Find services" }).first().click();
    await page.getByRole("navigation", { name: "Types of service" }).getByRole("link", { name: "Holiday clubs", exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${session.served.base}/services/category/holiday-clubs/`);
    await page
      .getByRole("main")
      .getByRole("link", { name: /holiday play scheme/i })
      .click();
    expect(await page.getByText("Area:").textContent()).toMatch(/Area: \w+/);
    await context.close();
  });

  it("lets a keyboard user skip to the main content", async ({ expect }) => {
    // Someone who has made their cookie choice: otherwise the cookie banner comes first (test/cookies/).
    const context = await session.browser.newContext();
    await context.addCookies([{ name: "cookie-consent", value: "v1-no", url: session.served.base }]);
    const page = await context.newPage();
    await page.goto(`${session.served.base}/senco/`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect.poll(() => skip.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await context.close();
  });

  it("collapses the main navigation into a menu button on a phone", async ({ expect }) => {
    const page = await session.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${session.served.base}/`);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "EHC plans" }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("link", { name: "EHC plans" }).isVisible()).toBe(true);
    await page.close();
  });

  it("colours the header with the brand colour from the settings file, in the system font", async ({ expect }) => {
    const settings = await readFile(`${session.served.dir}/content/_data/settings.yaml`, "utf8");
    const hex = /^brandColour: "(#[0-9a-f]{6})"/im.exec(settings)![1]!;
    const rgb = `rgb(${[1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16)).join(", ")})`;
    const page = await session.browser.newPage();
    await page.goto(`${session.served.base}/`);
    expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor)).toBe(rgb);
    for (const selector of ["body", "h1", "main p"]) {
      expect(
        await page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).fontFamily),
        selector,
      ).toMatch(/^system-ui/);
    }
    await page.close();
  });
});

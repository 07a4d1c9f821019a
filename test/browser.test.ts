// Every page in Chromium with the real Content-Security-Policy: no violations, no console errors, no
// axe violations of WCAG 2.2 A and AA, readable and navigable with JavaScript off, usable by keyboard,
// and printable.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, it } from "vitest";
import { pagesToCheck } from "../scripts/support/site-pages.ts";
import { forEachAtOnce, sampleSiteInChromium } from "./helpers/browser.ts";
import { headersFor, readHeaderRules } from "../src/server/netlify-headers.ts";
import { netlifyToml } from "../src/project.ts";

const session = sampleSiteInChromium();
const sitePolicy = headersFor("/", readHeaderRules(netlifyToml))["Content-Security-Policy"];

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe tags its rules. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** What axe finds on the page as it is now, one line per rule broken, naming the elements. */
async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself (the site has no frames for the newer mode to reach);
  // axe describes only the violations in full, which is most of its time saved.
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(WCAG_AA)
    .setLegacyMode()
    .analyze();
  return violations.map((violation) => `axe ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

// Its tests run at the same time (describe.concurrent): each has a browser profile of its own and changes nothing shared.
describe.concurrent("in Chromium", () => {
  it("loads every page (a sample of reckoner steps) under the site's CSP with no violations, no console errors and no axe violations of WCAG 2.2 AA, and runs the script", async ({
    expect,
  }) => {
    const { pages } = await pagesToCheck(session.served.site);
    expect(pages.length).toBeGreaterThan(30);
    const context = await session.browser.newContext();
    // Recorded by the browser itself, before any page script runs.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const problems: string[] = [];
    // A few tabs, each going from page to page, so the walk is not spent opening and closing tabs.
    const idle: Page[] = [];
    const at = new Map<Page, string>();
    const openTab = async () => {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") problems.push(`${at.get(page)}: console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`${at.get(page)}: ${error.message}`));
      return page;
    };
    const visit = async (url: string) => {
      const page = idle.pop() ?? (await openTab());
      at.set(page, url);
      const response = await page.goto(`${session.served.base}${url}`);
      // The site's own policy on every page (the content editor, not in this walk, has its own: test/cms/).
      expect(response?.headers()["content-security-policy"], url).toBe(sitePolicy);
      problems.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).map((v) => `${url}: CSP ${v}`));
      expect(await page.evaluate(() => document.body.classList.contains("govuk-frontend-supported")), url).toBe(true);
      // As a first visit sees the page: with the cookie banner the script shows.
      if (await page.locator('[data-module="app-cookie-banner"]').count()) await page.locator(".govuk-cookie-banner:not([hidden])").waitFor();
      problems.push(...(await axeViolations(page)).map((violation) => `${url}: ${violation}`));
      idle.push(page);
    };
    await forEachAtOnce(pages, 3, visit);
    await context.close();
    expect(problems.sort()).toEqual([]);
  }, 600_000);

  it("can fail: axe reports an unlabelled image, an empty link and a page with no language", async ({ expect }) => {
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

  it("prints every kind of page without navigation, with each link's full address and the page's address and review date", async ({ expect }) => {
    const templates = [
      "/",
      "/sen-support/",
      "/sen-support/the-graduated-approach/",
      "/services/",
      "/services/hartsfield-sendiass/",
      "/services/category/holiday-clubs/",
      "/search/",
      "/a-to-z/",
      "/glossary/",
      "/cookies/",
      "/saved-pages/",
      "/offline/",
      "/reckoners/",
      "/reckoners/support-at-school/",
      "/reckoners/support-at-school/answers/yes/going-well/",
      "/404.html",
    ];
    await forEachAtOnce(templates, 3, async (url) => {
      const page = await session.browser.newPage();
      await page.goto(`${session.served.base}${url}`);
      await page.waitForLoadState("networkidle");
      await page.emulateMedia({ media: "print" });
      for (const selector of [
        ".govuk-service-navigation",
        ".govuk-breadcrumbs",
        ".app-section-nav",
        ".govuk-cookie-banner",
        ".govuk-footer__inline-list",
        ".app-search-box",
        ".app-save-page",
      ]) {
        const found = page.locator(selector);
        for (let index = 0; index < (await found.count()); index++) expect(await found.nth(index).isVisible(), `${url} ${selector}`).toBe(false);
      }
      // The page's own address in full (a question tool's step points search engines elsewhere).
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      expect(await page.getByText(`Printed from ${new URL(url, canonical!).href}`, { exact: true }).isVisible(), url).toBe(true);
      if (await page.locator(".app-page-meta").count()) expect(await page.getByText(/Last reviewed:/).isVisible(), url).toBe(true);
      const link = page.locator(".app-prose a[href^='/']").first();
      if (await link.count()) {
        const after = await link.evaluate((element) => getComputedStyle(element, "::after").content);
        expect(after, url).toMatch(
          /^" \(https:\/\/localoffer\.hartsfield\.example" attr\(href\) "\)"$|^" \(https:\/\/localoffer\.hartsfield\.example\/[^"]*\)"$/,
        );
      }
      await page.close();
    });
  });
});

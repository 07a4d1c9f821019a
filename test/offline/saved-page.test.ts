// A single page saved from the browser as "HTML only" and opened from disk, as a family might in
// a meeting with no signal: all its text is there without scripts, and every link goes to the
// site by its full address, so it works again once online. The site here is built the way it is
// deployed, with links written in full (to this test's server).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { sampleSiteInChromium, watchPage } from "../helpers/browser.ts";
import { runScript } from "../helpers/project.ts";

const session = sampleSiteInChromium({ absoluteLinks: true });
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "local-offer-saved-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** What each page must still show from disk, found by a selector on the served page. */
const PAGES: Record<string, string[]> = {
  "/": ["h1", "main h2", ".app-card-list a"],
  "/ehc-plans/timescales/": ["h1", "main h2", "main table", "main ul li", ".app-page-meta"],
  "/sen-support/the-graduated-approach/": ["h1", "main h2", "main ul li", ".app-page-meta"],
  "/services/hartsfield-sendiass/": ["h1", "main h2", "a[href^='tel:']", "a[href^='mailto:']", "main dl", ".app-page-meta"],
  "/services/": ["h1", "main nav h3 a"],
  "/services/category/holiday-clubs/": ["h1", ".app-card-list a", "[data-card-place]"],
  "/reckoners/support-at-school/answers/": ["h1", ".app-reckoner__answers a"],
};

// Its tests run at the same time (describe.concurrent): each has a browser profile or a build folder of its own.
describe.concurrent("a page saved from the browser", () => {
  it("reads from disk with all its text, its review date, and every link in full to the site, with no errors", async ({ expect }) => {
    const context = await session.browser.newContext();
    // The page as served, read without scripts: what the saved file must show.
    const plain = await session.browser.newContext({ javaScriptEnabled: false });
    // One tab in each, going from page to page.
    const served = await plain.newPage();
    const page = await context.newPage();
    const problems = watchPage(page, { failedLoads: true });
    for (const [url, selectors] of Object.entries(PAGES)) {
      await served.goto(`${session.served.base}${url}`);
      const expected = await Promise.all(selectors.map((selector) => served.locator(selector).allInnerTexts()));

      // "Save page as… HTML only" keeps the page exactly as the server sent it.
      const file = path.join(folder, `${url.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home"}.html`);
      await writeFile(file, await (await fetch(`${session.served.base}${url}`)).text());
      problems.length = 0;
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState("networkidle");

      for (const [index, selector] of selectors.entries()) {
        const shown = await page.locator(selector).allInnerTexts();
        expect(shown.length, `${url} ${selector}`).toBeGreaterThan(0);
        expect(shown, `${url} ${selector}`).toEqual(expected[index]);
      }
      if (selectors.includes(".app-page-meta")) expect(await page.locator(".app-page-meta").innerText(), url).toMatch(/Last reviewed: \d{1,2} \w+ \d{4}/);
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
      const notInFull = hrefs.filter((href) => !href.startsWith("#") && !/^(https?:|mailto:|tel:|geo:)/.test(href));
      expect(notInFull, url).toEqual([]);
      expect(
        hrefs.filter((href) => href.startsWith("http://127.0.0.1")).every((href) => href.startsWith(`${session.served.base}/`)),
        url,
      ).toBe(true);
      // The CSS comes from the site; the script does nothing from disk, so nothing is hidden or changed.
      expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor), url).not.toBe("rgba(0, 0, 0, 0)");
      expect(await page.evaluate(() => document.body.classList.contains("js-enabled")), url).toBe(false);
      expect(problems, url).toEqual([]);
    }
    await Promise.all([context.close(), plain.close()]);
  });

  it("links back to the live site once online", async ({ expect }) => {
    const file = path.join(folder, "links-back.html");
    await writeFile(file, await (await fetch(`${session.served.base}/ehc-plans/timescales/`)).text());
    const page = await session.browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await Promise.all([page.waitForURL(`${session.served.base}/ehc-plans/`), page.locator(".govuk-breadcrumbs a").last().click()]);
    expect(await page.locator("h1").innerText()).not.toBe("");
    await page.close();
  });

  it("links in full to the settings' base URL when built as Netlify builds it", async ({ expect }) => {
    const result = await runScript("build", ["content", "_site-deploy", "--absolute-links"], session.served.dir);
    expect(result.code, result.stderr).toBe(0);
    const { baseUrl } = parseYaml(await readFile(path.join(session.served.dir, "content/_data/settings.yaml"), "utf8")) as { baseUrl: string };
    const html = await readFile(path.join(session.served.dir, "_site-deploy/ehc-plans/timescales/index.html"), "utf8");
    const addresses = [...html.matchAll(/\s(?:href|src|action)="([^"]+)"/g)].map((match) => match[1]!);
    expect(addresses.length).toBeGreaterThan(20);
    expect(addresses.filter((address) => address.startsWith("/"))).toEqual([]);
    expect(addresses).toContain(`${baseUrl}/ehc-plans/`);
    expect(addresses.some((address) => address.startsWith(`${baseUrl}/assets/site.`) && address.endsWith(".css"))).toBe(true);
  });
});

// The downloadable copy of the whole site: unzipped to a folder and opened from disk in Chromium,
// with no server. Links between pages work, the CSS loads, search works, and the copy passes the
// site's own link check.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBuiltLinks } from "../../src/pipeline/link-check.ts";
import { fileOf, relativeLink } from "../../src/lib/offline/relative-url.ts";
import { sampleSiteInChromium, watchPage } from "../helpers/browser.ts";

const session = sampleSiteInChromium();
let unpacked: string;
let copy: string;

beforeAll(async () => {
  unpacked = await mkdtemp(path.join(tmpdir(), "local-offer-unzipped-"));
  const files = unzipSync(await readFile(path.join(session.served.site, "offline/local-offer.zip")));
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(unpacked, name)), { recursive: true });
    await writeFile(path.join(unpacked, name), contents);
  }
  copy = path.join(unpacked, "local-offer");
});
afterAll(() => rm(unpacked, { recursive: true, force: true }));

async function openCopy(): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page, { failedLoads: true });
  return { page, problems, close: () => context.close() };
}

const fileUrl = (relPath: string) => pathToFileURL(path.join(copy, relPath)).href;

describe("relative links in the copy", () => {
  it("go from one page's folder to another page's index.html", () => {
    expect(relativeLink("/ehc-plans/timescales/", fileOf("/sen-support/"))).toBe("../../sen-support/index.html");
    expect(relativeLink("/", fileOf("/sen-support/"))).toBe("sen-support/index.html");
    expect(relativeLink("/search/", fileOf("/"))).toBe("../index.html");
    expect(relativeLink("/sen-support/", fileOf("/sen-support/the-graduated-approach/"))).toBe("the-graduated-approach/index.html");
    expect(relativeLink("/404.html", "/assets/site.css")).toBe("assets/site.css");
  });
});

describe("the downloadable copy", () => {
  it("is offered on /offline/ with its true size and today's date", async () => {
    const html = await readFile(path.join(session.served.site, "offline/index.html"), "utf8");
    const bytes = (await stat(path.join(session.served.site, "offline/local-offer.zip"))).size;
    const said = /ZIP file, ([\d.]+) (kB|MB), (\d+) files\. Made on <time datetime="(\d{4}-\d{2}-\d{2})">/.exec(html);
    expect(said).not.toBeNull();
    const shown = Number(said![1]) * (said![2] === "MB" ? 1024 * 1024 : 1024);
    expect(Math.abs(shown - bytes) / bytes).toBeLessThan(0.05);
    expect(said![4]).toBe(new Date().toISOString().slice(0, 10));
    expect(html).toContain('href="/offline/local-offer.zip"');
  });

  it("has each page's last text: the search page with the index's manifest, which is put in once the index is built", async () => {
    const manifestIn = async (file: string) => /<meta name="app-search-manifest" content="([^"]*)">/.exec(await readFile(file, "utf8"))?.[1];
    const served = await manifestIn(path.join(session.served.site, "search/index.html"));
    expect(served).toMatch(/^\{&quot;version&quot;/);
    expect(await manifestIn(path.join(copy, "search/index.html"))).toBe(served);
  });

  it("passes the site's link check when unzipped", async () => {
    expect(await checkBuiltLinks(copy)).toEqual([]);
  });

  it("opens from disk and follows links through every section, with the CSS and no errors", async () => {
    const { page, problems, close } = await openCopy();
    await page.goto(fileUrl("index.html"));
    // The site's CSS loaded: the header has the brand colour, not the browser's transparent default.
    expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(await page.locator(".app-offline-notice").innerText()).toContain("for reading without an internet connection");
    const sections = await page
      .locator("main .app-card-list a")
      .evaluateAll((links) => links.map((link) => ({ text: link.textContent!.trim(), href: link.getAttribute("href")! })));
    expect(sections.length).toBeGreaterThanOrEqual(7);
    for (const section of sections) {
      expect(section.href, section.text).toMatch(/^[a-z0-9/-]+index\.html$/);
      await page.goto(fileUrl("index.html"));
      await Promise.all([page.waitForURL(fileUrl(section.href)), page.getByRole("link", { name: section.text, exact: true }).first().click()]);
      expect(await page.locator("h1").innerText(), section.text).not.toBe("");
      // One page further in: the first page the section lists (the directory lists services).
      const inner = page.locator("main .app-card-list a").first();
      if (await inner.count()) {
        const title = (await inner.innerText()).trim();
        const target = new URL((await inner.getAttribute("href"))!, page.url()).href;
        await Promise.all([page.waitForURL(target), inner.click()]);
        expect(await page.locator("h1").innerText(), `${section.text} > ${title}`).toBe(title);
        // No link starts from the root of the disk: each goes to a file in the copy or to the live site.
        const hrefs = await page
          .locator("[href], [src], [action]")
          .evaluateAll((elements) => elements.map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action")!));
        expect(
          hrefs.filter((href) => href.startsWith("/")),
          page.url(),
        ).toEqual([]);
      }
    }
    expect(await page.locator('script[type="module"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it("searches from the copy, with results that open pages in the copy", async () => {
    const { page, problems, close } = await openCopy();
    await page.goto(fileUrl("sen-support/index.html"));
    await page.getByRole("searchbox").first().fill("annual review");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("[data-search-status]").innerText())
      .toMatch(/^\d+ good match(es)? for ‘annual review’(, and \d+ results? that match(es)? some of your words)?$/);
    const first = page.locator("[data-search-list] a").first();
    const title = (await first.innerText()).trim();
    const target = new URL((await first.getAttribute("href"))!, page.url()).href;
    expect(target).toMatch(/^file:.*\/index\.html$/);
    await Promise.all([page.waitForURL(target), first.click()]);
    expect(await page.locator("h1").innerText()).toBe(title);
    // lunr's syntax, and a word to correct, need lunr, which the copy's search script carries.
    await page.goto(`${fileUrl("search/index.html")}?q=${encodeURIComponent("transp* +school")}`);
    await expect.poll(() => page.locator("[data-search-list] h2").first().innerText()).toBe("Travel to school and college");
    await page.goto(`${fileUrl("search/index.html")}?q=dyslexsia`);
    await expect.poll(() => page.locator("[data-search-suggestion]").innerText()).toBe("Did you mean dyslexia?");
    expect(problems).toEqual([]);
    await close();
  });

  it("works through a question tool by its links, with nothing stored", async () => {
    const { page, problems, close } = await openCopy();
    await page.goto(fileUrl("reckoners/support-at-school/index.html"));
    await page.getByRole("button", { name: "Start now" }).click();
    await page.getByRole("link", { name: "Yes", exact: true }).click();
    await page.getByRole("link", { name: "It is working well" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Your results");
    expect(await page.locator("[data-reckoner-card]").count()).toBeGreaterThan(0);
    expect(await page.context().cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe("/offline/ as families read it", () => {
  for (const [width, javaScriptEnabled] of [
    [390, false],
    [1280, true],
  ] as const) {
    it(`at ${width} px${javaScriptEnabled ? "" : " without JavaScript"}, puts the phone route first and the download beside its step`, async () => {
      const context = await session.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${session.served.base}/offline/`);
      const headings = await page.locator("main h2").allInnerTexts();
      const phone = headings.findIndex((text) => /^On a phone/.test(text));
      const computer = headings.findIndex((text) => /^On a computer/.test(text));
      expect(phone).toBeGreaterThanOrEqual(0);
      expect(phone).toBeLessThan(computer);
      expect(await page.locator("main").innerText()).toMatch(/heart[\s\S]*without an internet connection/);
      expect(await page.locator("main").innerText()).toContain("It suits a computer best");
      // The first step is the download itself, with its size and date beside it.
      const firstStep = page.locator("#download > li").first();
      expect(await firstStep.getByRole("link", { name: /Download the .* \(ZIP file\)/ }).count()).toBe(1);
      expect(await firstStep.innerText()).toMatch(/ZIP file, [\d.]+ (kB|MB)/);
      await context.close();
    });
  }

  it("has the copy's directory list services without asking to turn on JavaScript", async () => {
    const { page, problems, close } = await openCopy();
    await page.goto(fileUrl("services/index.html"));
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/turn on JavaScript/i);
    expect(text).toContain("Sorting by distance from you and filtering need the online site. Each type of service below lists its services, with its town.");
    await page.locator("main a[href*='category/holiday-clubs/']").first().click();
    expect(await page.locator("main").innerText()).not.toMatch(/turn on JavaScript/i);
    expect(await page.locator("main .app-card-list a").count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await close();
  });
});

describe("a question tool's checkboxes in the copy", () => {
  it("shows only the cards the ticks bring, from disk with no script", async () => {
    const { page, problems, close } = await openCopy();
    await page.goto(fileUrl("reckoners/activities-and-short-breaks/index.html"));
    await page.getByRole("button", { name: "Start now" }).click();
    await page.getByRole("link", { name: "5 to 11", exact: true }).click();
    await page.getByRole("link", { name: "In the school holidays" }).click();
    await page.getByRole("link", { name: "My child needs a specialist short break" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Your results");
    const shown = () => page.locator("[data-reckoner-card]:visible").evaluateAll((items) => items.map((item) => item.getAttribute("data-reckoner-card")));
    expect(await shown()).not.toContain("splash-sessions");
    await page.getByLabel("Autism", { exact: true }).check();
    expect(await shown()).toContain("splash-sessions");
    expect(await shown()).not.toContain("wheelchair-sports");
    expect(problems).toEqual([]);
    await close();
  });
});

describe("the copy's own Content-Security-Policy", () => {
  it("stops script injected into a page from running when the page is opened from disk", async () => {
    // As if a script had got past every check into the built page: the copy has no server to send
    // the site's policy, so the page's own meta tag must stop it.
    const original = await readFile(path.join(copy, "sen-support/index.html"), "utf8");
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(original)?.[1];
    expect(policy).toContain("script-src 'self'");
    const injected = original.replace(
      '<main class="govuk-main-wrapper" id="main-content">',
      `$&<script>document.documentElement.dataset.injected = "inline"</script><img src="missing.png" onerror="document.documentElement.dataset.injected = 'handler'"><a id="injected-link" href="javascript:document.documentElement.dataset.injected = 'link'">Open</a>`,
    );
    await writeFile(path.join(copy, "sen-support/injected.html"), injected);
    const { page, close } = await openCopy();
    const blocked: string[] = [];
    page.on("console", (message) => /Content Security Policy/.test(message.text()) && blocked.push(message.text()));
    await page.goto(fileUrl("sen-support/injected.html"));
    await page.locator("#injected-link").click();
    await expect.poll(() => blocked.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.dataset.injected)).toBeUndefined();
    // The page's own stylesheet still loads under the policy.
    expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    await close();
  });
});

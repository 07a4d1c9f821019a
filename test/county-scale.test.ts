// A county-sized site: 300 information pages and 3,000 services generated from the sample
// (scripts/generate-site), built once and served, then read in Chromium. Search finds a service
// by its name among the 3,000 and offers the directory for a need, a service saved with the heart
// is on the saved pages, and the downloadable copy holds every service page, which reads from disk
// with its links and search working.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSite } from "../scripts/generate-site/generated-site.ts";
import { netlifyToml } from "../src/project.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { readRewriteRules } from "../src/server/netlify-rewrites.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";
import { launchChromium, watchPage } from "./helpers/browser.ts";
import { runScript } from "./helpers/project.ts";

const PAGES = 300;
const SERVICES = 3000;

let dir: string;
let site: string;
let server: Server;
let base: string;
let browser: Browser;
/** The last service generated, so nothing about it depends on being early in the index or the copy. */
let service: { title: string; url: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "local-offer-county-"));
  const content = path.join(dir, "content");
  site = path.join(dir, "_site");
  const launching = launchChromium();
  await generateSite({ pages: PAGES, services: SERVICES, outDir: content, seed: 1 });
  const file = (await readdir(path.join(content, "services"))).find((name) => name.endsWith(`-${SERVICES}.md`))!;
  const title = /^title: "?(.+?)"?$/m.exec(await readFile(path.join(content, "services", file), "utf8"))![1]!;
  service = { title, url: `/services/${file.replace(/\.md$/, "")}/` };
  const build = await runScript("build", [content, site], dir);
  if (build.code !== 0) throw new Error(`the county-sized site did not build:\n${build.stderr}`);
  server = createStaticServer(site, readHeaderRules(netlifyToml), readRewriteRules(netlifyToml));
  [base, browser] = await Promise.all([listen(server, 0), launching]);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

const status = (page: Page) => page.locator("[data-search-status]");

describe("a county-sized site of 3,000 services", () => {
  it("builds from the generator's Markdown, with every page in the site's layout", async () => {
    const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThanOrEqual(PAGES + SERVICES);
    const sectionPages = pages.filter((page) => page.startsWith("section-001/"));
    expect(sectionPages.length).toBeGreaterThan(0);
    for (const file of sectionPages) expect(await readFile(path.join(site, file), "utf8"), file).toContain('class="app-header"');
  });

  it("finds a service by its name, offers the directory for a need, and finds nothing for a made-up word", async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${base}/search/?q=${encodeURIComponent(service.title)}`);
    const first = page.locator("[data-search-list] a").first();
    await first.waitFor();
    expect(await first.innerText()).toBe(service.title);
    expect(await first.getAttribute("href")).toBe(service.url);

    await page.goto(`${base}/search/?q=autism`);
    const offer = page.locator("[data-search-directory] a").first();
    await offer.waitFor();
    expect(await offer.innerText()).toBe("Find services for autism");
    expect(await offer.getAttribute("href")).toBe("/services/?need=autism");

    await page.goto(`${base}/search/?q=qqxqzv`);
    await expect.poll(() => status(page).textContent()).toBe("No results for ‘qqxqzv’.");
    expect(await page.locator("[data-search-directory]").isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps a service saved with the heart on the saved pages, which list nothing before", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${base}/saved-pages/`);
    const saved = page.locator("[data-saved-list] h2 a");
    const intro = page.locator("[data-saved-intro]");
    await intro.waitFor();
    expect(await saved.count()).toBe(0);

    await page.goto(`${base}${service.url}`);
    await page.getByRole("button", { name: "Accept feature cookies" }).click();
    await page.locator("[data-save-button]").click();
    await page.locator("[data-save-status]").getByText("Saved on this device").waitFor();
    await page.goto(`${base}/saved-pages/`);
    await saved.first().waitFor();
    expect(await intro.innerText()).toMatch(/^You have saved 1 page on this device/);
    expect(await saved.allInnerTexts()).toEqual([service.title]);
    expect(await saved.first().getAttribute("href")).toBe(service.url);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("offers a copy to download holding every service page, which reads from disk with its links and search working", async () => {
    const files = unzipSync(await readFile(path.join(site, "offline/local-offer.zip")));
    const servicePages = Object.keys(files).filter((name) => /^local-offer\/services\/(?!category\/)[^/]+\/index\.html$/.test(name));
    expect(servicePages).toHaveLength(SERVICES);
    const unpacked = path.join(dir, "unzipped");
    for (const [name, contents] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(unpacked, name)), { recursive: true });
      await writeFile(path.join(unpacked, name), contents);
    }
    const copy = path.join(unpacked, "local-offer");
    const fileUrl = (relPath: string) => pathToFileURL(path.join(copy, relPath)).href;

    const page = await browser.newPage();
    const problems = watchPage(page, { failedLoads: true });
    await page.goto(fileUrl(`${service.url.slice(1)}index.html`));
    expect(await page.locator("h1").innerText()).toBe(service.title);
    // The site's CSS loaded from the copy: the header has the brand colour, not the browser's transparent default.
    expect(await page.locator(".govuk-generic-header").evaluate((header) => getComputedStyle(header).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    const hrefs = await page
      .locator("[href], [src]")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("href") ?? element.getAttribute("src")!));
    expect(hrefs.filter((href) => href.startsWith("/"))).toEqual([]);
    const breadcrumb = page.locator(".govuk-breadcrumbs").getByRole("link", { name: "Find services" });
    await Promise.all([page.waitForURL(fileUrl("services/index.html")), breadcrumb.click()]);
    expect(await page.locator("h1").innerText()).not.toBe("");

    await page.getByRole("searchbox").first().fill(service.title);
    await page.keyboard.press("Enter");
    const first = page.locator("[data-search-list] a").first();
    await first.waitFor();
    expect(await first.innerText()).toBe(service.title);
    const target = new URL((await first.getAttribute("href"))!, page.url()).href;
    expect(target).toBe(fileUrl(`${service.url.slice(1)}index.html`));
    expect(problems).toEqual([]);
    await page.close();
  });
});

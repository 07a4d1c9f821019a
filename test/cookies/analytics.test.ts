// Usage figures, in Chromium, on a copy of the sample site built once for this file with GA4
// switched on in its settings, its script answered by a stand-in (which sets _ga cookies on the
// parent domain, as GA4 does, and sends what it is told to a collection address this test
// records). Nothing is loaded before a choice or after saying no; agreeing loads it, counts pages
// without their query and a search that found nothing by its words alone; withdrawing deletes its
// cookies. With analytics off (the shared sample site) the pages, banner and policy are as before.
import { readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../scripts/support/chromium.ts";
import { sitePages } from "../../scripts/support/site-pages.ts";
import { analyticsProvider } from "../../src/lib/analytics/providers.ts";
import { CONSENT_COOKIE } from "../../src/lib/cookies/register.ts";
import { contentSecurityPolicy } from "../../src/pipeline/security-headers.ts";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { copyOfContent, editText, projectRoot, runScript } from "../helpers/project.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

const MEASUREMENT_ID = "G-TEST12345";
const ga4 = analyticsProvider("google-analytics-4", MEASUREMENT_ID);
/** The site's address in the browser, on a domain with a parent, so GA4's cookies can sit on it. */
const HOST = "localoffer.hartsfield.test";

/** GA4's tag as this test answers it: what gtag.js does that the site relies on, and no more. */
const STAND_IN = `(() => {
  const id = new URL(document.currentScript.src).searchParams.get("id");
  const parent = location.hostname.split(".").slice(-2).join(".");
  for (const [name, value] of [["_ga", "GA1.1.123456789.1700000000"], ["_ga_" + id.slice(2), "GS1.1.1700000000.1.0.1700000000.0.0.0"]]) {
    document.cookie = name + "=" + value + "; path=/; domain=" + parent + "; max-age=63072000";
  }
  let pageLocation = "";
  const send = (params) => {
    if (window["ga-disable-" + id]) return;
    const query = new URLSearchParams({ tid: id, dl: pageLocation, dr: document.referrer, ...params });
    fetch("https://region1.google-analytics.com/g/collect?" + query, { method: "POST", mode: "no-cors", keepalive: true });
  };
  const handle = (entry) => {
    // gtag.js reads only Arguments objects from its data layer.
    if (Object.prototype.toString.call(entry) !== "[object Arguments]") return;
    const [command, first, options] = Array.from(entry);
    if (command === "config" && first === id) {
      pageLocation = (options && options.page_location) || location.href;
      send({ en: "page_view" });
    }
    if (command === "event") send({ en: first, ...Object.fromEntries(Object.entries(first && options ? options : {}).map(([key, value]) => ["ep." + key, String(value)])) });
  };
  const layer = (window.dataLayer = window.dataLayer || []);
  layer.forEach(handle);
  const push = layer.push.bind(layer);
  layer.push = (...entries) => { entries.forEach(handle); return push(...entries); };
})();`;

let dir: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  // The sample content with GA4 switched on, and the two pages that said the site counts nothing changed to say it does.
  dir = await copyOfContent();
  await editText(dir, "content/_data/settings.yaml", (text) => `${text}analytics: { provider: google-analytics-4, measurementId: ${MEASUREMENT_ID} }\n`);
  await editText(dir, "content/privacy.md", (text) =>
    text.replace(
      /^We do not use analytics.*$/m,
      "If you agree, we count visits with Google Analytics, to see which pages help. The site loads nothing else from other websites.",
    ),
  );
  await editText(dir, "content/cookies.md", (text) => text.replace(/^- analytics tools that measure how you use the site\n/m, ""));
  const netlifyToml = path.join(projectRoot, "netlify.toml");
  server = createStaticServer(path.join(dir, "_site"), readHeaderRules(netlifyToml));
  const port = new URL(await listen(server, 0)).port;
  base = `http://${HOST}:${port}`;
  const [built, launched] = await Promise.all([
    runScript("build", ["content", "_site"], dir),
    chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] }),
  ]);
  browser = launched;
  if (built.code !== 0) throw new Error(`the site with analytics did not build:\n${built.stderr}`);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh profile whose requests to GA4's origins are answered here and listed, as the path and query asked for. */
async function freshContext(cookie?: string): Promise<{ context: BrowserContext; page: Page; provider: URL[] }> {
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ name: CONSENT_COOKIE, value: cookie, url: base }]);
  const provider: URL[] = [];
  await context.route(/^https:\/\/[^/]*(googletagmanager|google-analytics)\.com\//, (route) => {
    const url = new URL(route.request().url());
    provider.push(url);
    return url.pathname === "/gtag/js" ? route.fulfill({ contentType: "text/javascript", body: STAND_IN }) : route.fulfill({ status: 204 });
  });
  return { context, page: await context.newPage(), provider };
}

const banner = (page: Page) => page.getByRole("region", { name: /^Cookies on / });
const focused = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute("data-cookie-confirmation") ?? document.activeElement?.hasAttribute("data-cookie-analytics-question"),
  );
const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((cookie) => `${cookie.name}@${cookie.domain}`).sort();
const consent = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === CONSENT_COOKIE)?.value;
const hits = (provider: URL[], event: string) => provider.filter((url) => url.pathname === "/g/collect" && url.searchParams.get("en") === event);

async function searchFindingNothing(page: Page, words: string): Promise<void> {
  // Followed as a link is, so the browser sends a referrer (the directory, with its own query).
  await page.evaluate((url) => window.location.assign(url), `/search/?q=${encodeURIComponent(words)}`);
  await page.locator("[data-search-status]", { hasText: "No results for" }).waitFor();
}

// Each test has a browser profile of its own and changes nothing shared.
describe.concurrent("usage figures switched on (GA4)", () => {
  it("loads nothing before a choice, nor after saying no to each question in turn", async ({ expect }) => {
    const { context, page, provider } = await freshContext();
    await page.goto(`${base}/services/?need=autism`);
    await banner(page).getByRole("button", { name: "Reject feature cookies" }).click();
    // The separate question about analytics, never bundled with feature cookies, takes focus.
    expect(await focused(page)).toBe(true);
    expect(await banner(page).getByText("with Google Analytics").isVisible()).toBe(true);
    await banner(page).getByRole("button", { name: "Reject analytics cookies" }).click();
    expect(await focused(page)).toBe("reject-reject");
    expect(await banner(page).getByText("You’ve rejected feature cookies and rejected analytics cookies.").isVisible()).toBe(true);
    expect(await consent(context)).toBe("v1-no-analytics-no");
    await searchFindingNothing(page, "zzqxv");
    expect(provider.map(String)).toEqual([]);
    expect(await cookieNames(context)).toEqual([`${CONSENT_COOKIE}@${HOST}`]);
    await context.close();
  });

  it("after agreeing, loads GA4 from its own origin, counts pages without their query and a search that found nothing by its words; withdrawing deletes its cookies", async ({
    expect,
  }) => {
    const { context, page, provider } = await freshContext();
    await page.goto(`${base}/services/?need=autism`);
    expect(provider).toEqual([]);
    await banner(page).getByRole("button", { name: "Accept feature cookies" }).click();
    expect(provider).toEqual([]);
    await banner(page).getByRole("button", { name: "Accept analytics cookies" }).click();
    expect(await focused(page)).toBe("accept-accept");
    await expect.poll(() => hits(provider, "page_view").length).toBe(1);
    expect(provider[0]!.href).toBe(ga4.scriptUrl);
    expect(hits(provider, "page_view")[0]!.searchParams.get("dl")).toBe(`${base}/services/`);
    expect(await consent(context)).toBe("v1-yes-analytics-yes");
    expect(await cookieNames(context)).toEqual([`_ga@.hartsfield.test`, `_ga_TEST12345@.hartsfield.test`, `${CONSENT_COOKIE}@${HOST}`]);

    await searchFindingNothing(page, "Zzqxv  jo@example.com");
    await expect.poll(() => hits(provider, "search_nothing_found").length).toBe(1);
    const [counted] = hits(provider, "search_nothing_found");
    expect(counted!.searchParams.get("ep.search_term")).toBe("zzqxv [email]");
    expect(counted!.searchParams.get("dl")).toBe(`${base}/search/`);
    // The page before (the directory, with its filters in its address) is given as the site's origin alone.
    for (const hit of hits(provider, "page_view")) expect(hit.searchParams.get("dr"), hit.href).toMatch(new RegExp(`^(|${base}/)$`));
    // The words typed go nowhere else: not in any other parameter of any request.
    const elsewhere = provider.flatMap((url) =>
      [...url.searchParams].filter(([name, value]) => name !== "ep.search_term" && /zzqxv|example\.com|autism/i.test(value)),
    );
    expect(elsewhere).toEqual([]);

    await page.goto(`${base}/cookies/`);
    await expect.poll(() => page.getByLabel("Yes, allow analytics cookies").isChecked()).toBe(true);
    expect(await page.getByRole("rowheader", { name: "_ga_TEST12345" }).isVisible()).toBe(true);
    await page.getByLabel("No, do not allow analytics cookies").check();
    await page.getByRole("button", { name: "Save cookie settings" }).click();
    await expect.poll(() => cookieNames(context)).toEqual([`${CONSENT_COOKIE}@${HOST}`]);
    expect(await consent(context)).toBe("v1-yes-analytics-no");
    const loadsBefore = provider.filter((url) => url.pathname === "/gtag/js").length;
    await searchFindingNothing(page, "zzqxv");
    expect(provider.filter((url) => url.pathname === "/gtag/js")).toHaveLength(loadsBefore);
    expect(hits(provider, "search_nothing_found")).toHaveLength(1);
    await context.close();
  });

  it("asks only about analytics of people who chose before it was switched on, and counts a tampered cookie as no choice", async ({ expect }) => {
    const earlier = await freshContext("v1-yes");
    await earlier.page.goto(`${base}/`);
    await expect.poll(() => banner(earlier.page).getByRole("button", { name: "Accept analytics cookies" }).isVisible()).toBe(true);
    expect(await banner(earlier.page).getByRole("button", { name: "Accept feature cookies" }).isVisible()).toBe(false);
    expect(earlier.provider).toEqual([]);
    await earlier.context.close();

    const tampered = await freshContext("v1-yes-analytics-yes<script>");
    await tampered.page.goto(`${base}/`);
    await expect.poll(() => banner(tampered.page).getByRole("button", { name: "Accept feature cookies" }).isVisible()).toBe(true);
    expect(tampered.provider).toEqual([]);
    await tampered.context.close();
  });

  it("opens the policy to GA4's origins; with analytics off, every page, the banner and the policy are as before", async ({ expect }) => {
    const response = await fetch(`${base.replace(HOST, "127.0.0.1")}/`);
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy(ga4));

    const off = (await sharedSampleSite()).site;
    const on = path.join(dir, "_site");
    const read = (site: string, page: string) => readFile(path.join(site, page.endsWith("/") ? `${page}index.html` : page), "utf8");
    const offHome = await read(off, "/");
    const bannerOf = (html: string) =>
      html.slice(html.indexOf('<div class="govuk-cookie-banner'), html.indexOf('<a href="#main-content" class="govuk-skip-link"')).trimEnd();
    expect(`${bannerOf(offHome)}\n`).toBe(await readFile(path.join(projectRoot, "test/fixtures/cookie-banner-without-analytics.html"), "utf8"));
    const offCookies = await read(off, "/cookies/");
    const formAt = offCookies.indexOf("<form data-cookie-settings-form");
    const form = offCookies.slice(formAt, offCookies.indexOf("</form>", formAt) + "</form>".length);
    expect(`${form}\n`).toBe(await readFile(path.join(projectRoot, "test/fixtures/cookie-settings-form-without-analytics.html"), "utf8"));

    // Every other page differs only in what analytics adds: the banner, and two tags in the head.
    const pages = (await sitePages(off)).filter((page) => !["/cookies/", "/privacy/"].includes(page));
    expect(await sitePages(on)).toEqual(await sitePages(off));
    const analyticsTags =
      /\n<meta name="app-analytics" content="google-analytics-4" data-site-id="G-TEST12345" data-module="app-analytics">\n {2}<meta name="referrer" content="strict-origin">/;
    const asOff = (html: string, banner: string) =>
      html
        .replace(bannerOf(html), banner)
        .replace(analyticsTags, "")
        // The download's size and count of files, and the search index's manifest, as its pages and search index differ.
        .replace(/ZIP file, [^,]+, \d+ files\./, "ZIP file.")
        .replace(/<meta name="app-search-manifest" content="[^"]*">/, '<meta name="app-search-manifest" content="">');
    const differing: string[] = [];
    for (const page of pages) {
      const [offHtml, onHtml] = await Promise.all([read(off, page), read(on, page)]);
      expect(analyticsTags.test(onHtml), page).toBe(true);
      const [onLines, offLines] = [asOff(onHtml, bannerOf(offHtml)).split("\n"), asOff(offHtml, bannerOf(offHtml)).split("\n")];
      const at = onLines.findIndex((line, index) => line !== offLines[index]);
      if (at !== -1 || onLines.length !== offLines.length) differing.push(`${page}: ${offLines[at] ?? ""} -> ${onLines[at] ?? ""}`);
      expect(offHtml, page).not.toMatch(/app-analytics|googletagmanager|strict-origin/);
    }
    expect(differing).toEqual([]);
  });
});

// Nothing on a page moves as it loads, on a phone or a desktop, whether or not the visitor has made
// a cookie choice: the head script and the styles draw the cookie banner and the service
// navigation as the bundle will leave them (issue 9: CLS 0). Layout shifts are read from the
// browser's own Layout Instability API, as Lighthouse does.
import http from "node:http";
import type { BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../src/server/static-server.ts";
import { sampleSiteInChromium } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

/** The served site, but each page's HTML comes in pieces of `size` bytes, `gap` milliseconds apart, like a slow phone connection. */
function slowPages(size: number, gap: number): http.Server {
  return http.createServer((request, response) => {
    const upstream = http.get(`${session.served.base}${request.url}`, { headers: { ...request.headers, "accept-encoding": "identity" } }, (answer) => {
      const headers = { ...answer.headers };
      delete headers["content-length"];
      response.writeHead(answer.statusCode ?? 502, headers);
      if (!String(answer.headers["content-type"]).startsWith("text/html")) {
        answer.pipe(response);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", async () => {
        const body = Buffer.concat(chunks);
        for (let at = 0; at < body.length; at += size) {
          response.write(body.subarray(at, at + size));
          await new Promise((resolve) => setTimeout(resolve, gap));
        }
        response.end();
      });
    });
    upstream.on("error", () => response.destroy());
  });
}

const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PAGES = ["/", "/sen-support/the-graduated-approach/", "/services/", "/reckoners/support-at-school/answers/no/"];

type Shifts = Array<{ value: number; moved: string[] }>;

/**
 * The layout shifts of each page, loaded one after another in one tab of a browser profile of its
 * own, each as on a first visit: nothing is taken from the browser's cache. With consent, the profile
 * has made its cookie choice first; without, each page must show the cookie banner.
 */
async function shiftsOn(urls: readonly string[], options: BrowserContextOptions, consent: boolean): Promise<Record<string, Shifts>> {
  const context = await session.browser.newContext(options);
  try {
    const page = await context.newPage();
    if (consent) {
      await page.goto(`${session.served.base}/`);
      await page.getByRole("button", { name: "Reject feature cookies" }).click();
    }
    await (await context.newCDPSession(page)).send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.addInitScript(() => {
      const seen: Shifts = [];
      (window as unknown as { layoutShifts: typeof seen }).layoutShifts = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{ value: number; sources?: Array<{ node?: Element }> }>) {
          seen.push({ value: entry.value, moved: (entry.sources ?? []).map((source) => source.node?.className ?? String(source.node)) });
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const shifts: Record<string, Shifts> = {};
    for (const url of urls) {
      await page.goto(`${session.served.base}${url}`, { waitUntil: "networkidle" });
      // The banner and the navigation are drawn by then; give any late change time to show.
      await page.waitForTimeout(500);
      if (!consent) expect(await page.getByRole("region", { name: /^Cookies on / }).isVisible(), url).toBe(true);
      shifts[url] = await page.evaluate(() => (window as unknown as { layoutShifts: Shifts }).layoutShifts);
    }
    return shifts;
  } finally {
    await context.close();
  }
}

describe("layout shift as a page loads", () => {
  for (const [device, options] of [
    ["a phone", PHONE],
    ["a desktop", DESKTOP],
  ] as const) {
    it(`is none on ${device}, before and after a cookie choice`, async () => {
      const nothingMoves = Object.fromEntries(PAGES.map((url) => [url, []]));
      const [before, after] = await Promise.all([shiftsOn(PAGES, options, false), shiftsOn(PAGES, options, true)]);
      expect(before, "before a choice").toEqual(nothingMoves);
      expect(after, "after a choice").toEqual(nothingMoves);
    });
  }

  describe("on a slow connection", () => {
    const slow = { server: slowPages(1000, 60), base: "" };
    beforeAll(async () => {
      slow.base = await listen(slow.server, 0);
    });
    afterAll(() => {
      slow.server.close();
    });

    // A page drawn half-parsed moves as the rest arrives: the menu button grows when its word comes,
    // a question's back link moves when the heading under it does. CI caught both, now and then.
    it("draws no frame until the whole main content has arrived", async () => {
      const context = await session.browser.newContext(PHONE);
      try {
        for (const url of ["/", "/reckoners/support-at-school/answers/no/"]) {
          const page = await context.newPage();
          await page.addInitScript(() => {
            requestAnimationFrame(() => {
              const main = document.getElementById("main-content");
              (window as unknown as { firstFrame: unknown }).firstFrame = {
                main: Boolean(main),
                elementsInMain: main?.querySelectorAll("*").length,
                afterMain: Boolean(main?.nextElementSibling),
              };
            });
          });
          await page.route(/\/assets\/site\.[^/]+\.js$/, (route) => route.abort());
          await page.goto(`${slow.base}${url}`);
          const elementsInMain = await page.evaluate(() => document.querySelectorAll("#main-content *").length);
          expect(await page.evaluate(() => (window as unknown as { firstFrame: unknown }).firstFrame), url).toEqual({
            main: true,
            elementsInMain,
            afterMain: true,
          });
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  });

  it("shows the service navigation's menu button on a phone from the first paint, and the menu opens", async () => {
    const context = await session.browser.newContext(PHONE);
    const page = await context.newPage();
    // The bundle never arrives: the head script's classes alone draw the navigation closed.
    await page.route(/\/assets\/site\.[^/]+\.js$/, (route) => route.abort());
    await page.goto(`${session.served.base}/`);
    expect(await page.locator(".govuk-service-navigation__toggle").isVisible()).toBe(true);
    expect(await page.locator(".govuk-service-navigation__list").isHidden()).toBe(true);
    await context.close();

    const working = await session.browser.newContext(PHONE);
    const withScript = await working.newPage();
    await withScript.goto(`${session.served.base}/`);
    await withScript.getByRole("button", { name: "Menu" }).click();
    await withScript.getByRole("link", { name: "Find services", exact: true }).first().waitFor({ state: "visible" });
    await working.close();
  });
});

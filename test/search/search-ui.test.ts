// Search in Chromium: the header box, results with marked words, paging, zero results and
// suggestions, hostile queries (answered in seconds, never left "Searching…"), nothing downloaded
// before it is used, and the page without JavaScript.
import { setTimeout as delay } from "node:timers/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sampleSiteInChromium } from "../helpers/browser.ts";
import { RESULTS_SHOWN_MARK } from "../../src/browser/search/search-events.ts";

const session = sampleSiteInChromium();

/**
 * A watched tab that also records the paths it requests. Searching keeps nothing, so tabs share a
 * browser profile, except in tests that count what is downloaded (freshProfile): another test's
 * search would have filled the shared one's cache.
 */
async function watchedPage(options: { freshProfile?: boolean } = {}): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const { page, problems } = await session.tab(options.freshProfile ? { own: {} } : {});
  const requests: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  return { page, problems, requests };
}

const status = (page: Page) => page.locator("[data-search-status]");

/** Seconds to spare on a busy machine, yet far less than the 40 s autism~99 once took to crash the tab. */
const ANSWER_WITHIN_MS = 5_000;

/** Whether promise settles within ms, timed here: a tab busy searching answers no browser command. */
const settlesWithin = (promise: Promise<unknown>, ms: number) => Promise.race([promise.then(() => true), delay(ms).then(() => false)]);

/** Opens the results page for query; fails unless results or "No results" replace "Searching…" in time. */
async function expectAnswer(page: Page, query: string): Promise<void> {
  // From the response, not the load event, which a tab busy searching may never reach.
  await page.goto(`${session.served.base}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
  const answer = page.waitForFunction(() =>
    /^(\d+ good match(es)? for|No good matches for|No results for) /.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
  );
  if (await settlesWithin(answer, ANSWER_WITHIN_MS)) return;
  const shown = status(page).textContent();
  const message = (await settlesWithin(shown, 1_000)) ? await shown : "nothing: the tab stopped responding";
  expect.unreachable(`no answer to ${query.slice(0, 60)} within ${ANSWER_WITHIN_MS} ms; the page shows ${message}`);
}

/** Queries that ask lunr for too much: huge edit distances, many wildcards, and 200 characters of words. */
const DEMANDING_QUERIES = [
  "autism~99",
  "autism~15",
  "a*e*i*o*u*",
  "*a*e*i*o*u*",
  "sen*s*s*s* aut* dys* spe* tra*",
  "a~2 b~2 c~2 d~2 e~2 f~2 g~2 h~2 i~2 j~2 k~2 l~2 m~2 n~2 o~2 p~2 q~2 r~2 s~2 t~2 u~2 v~2 w~2 x~2 y~2 z~2".repeat(2),
  "support school autism speech therapy transport tribunal respite short breaks annual review ".repeat(3),
  `${"communication".repeat(15)}~2`,
];

/** Words that are names of every JavaScript object's properties. */
const PROTOTYPE_WORDS = ["constructor", "__proto__", "hasOwnProperty", "toString", "valueOf", "isPrototypeOf", "__defineGetter__"];

describe("search", () => {
  it("downloads nothing for search until the search box is used", async () => {
    const { page, requests, problems } = await watchedPage({ freshProfile: true });
    await page.goto(`${session.served.base}/ehc-plans/`);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((path) => path.startsWith("/search/") || /\/assets\/search\./.test(path))).toEqual([]);
    await page.getByRole("searchbox", { name: "Search this site" }).focus();
    await expect.poll(() => requests.includes("/search/manifest.json")).toBe(true);
    expect(requests.some((path) => /^\/assets\/search\.[A-Z0-9]{8}\.js$/.test(path))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches from the header and shows the count and results with the matched words marked", async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${session.served.base}/`);
    await page.getByRole("searchbox", { name: "Search this site" }).fill("annual review");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toBe(`${session.served.base}/search/?q=annual+review`);
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^\d+ good match(es)? for ‘annual review’(, and \d+ results? that match(es)? some of your words)?$/);
    const first = page.locator(".app-search-results__item").first();
    expect(await first.getByRole("link").textContent()).toMatch(/annual review/i);
    expect(await first.locator("mark").first().textContent()).toMatch(/^(annual|review|reviews)$/i);
    expect(await page.getByLabel("Search for").inputValue()).toBe("annual review");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows ten results at a time and moves focus to the first new one", async () => {
    const { page } = await watchedPage();
    await page.goto(`${session.served.base}/search/?q=children`);
    await expect.poll(() => page.locator(".app-search-results__item").count()).toBe(10);
    const total = Number(/^(\d+)/.exec((await status(page).textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThan(20);
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect.poll(() => page.locator(".app-search-results__item").count()).toBe(20);
    expect(
      await page.evaluate(() => document.activeElement?.closest(".app-search-results__item") === document.querySelectorAll(".app-search-results__item")[10]),
    ).toBe(true);
    await page.close();
  });

  it("ranks the pages about a glossary term above a page that only has its other word", async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${session.served.base}/search/?q=statement`);
    // "statement" is the glossary's old name for an EHC plan; the accessibility statement only has the word.
    await expect.poll(() => page.locator("[data-search-list] h2 a").first().textContent()).toBe("What an EHC plan is");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("counts the good matches, puts them first, and lists results with only some of the words under their own heading", async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("autism clubs near me")}`);
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^\d+ good match(es)? for ‘autism clubs near me’, and \d+ results that match some of your words$/);
    const [good, some] = /^(\d+) .*, and (\d+) results/
      .exec((await status(page).textContent())!)!
      .slice(1)
      .map(Number) as [number, number];
    // Far fewer than every page with "club" or "autism" on it; "near" and "me" are not needed.
    expect(good).toBeGreaterThan(2);
    expect(good).toBeLessThan(some);
    const goodTitles = await page.locator("[data-search-list] .app-search-results__item h2").allTextContents();
    expect(goodTitles).toHaveLength(Math.min(good, 10));
    // Each good match has both words on its page, if not in its title or description.
    for (const href of await page
      .locator("[data-search-list] .app-search-results__item h2 a")
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
      const text = await (await page.request.get(href)).text();
      expect(text, href).toMatch(/autis/i);
      expect(text, href).toMatch(/club/i);
    }
    // A club that says nothing of autism comes after every good match, under the heading.
    expect(goodTitles).not.toContain("Tring Countryside Club");
    const heading = page.getByRole("heading", { level: 2, name: "More results that match some of your words" });
    expect(await heading.isVisible()).toBe(good < 10);
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect.poll(() => page.locator("[data-search-partial-list] .app-search-results__item").count()).toBeGreaterThan(0);
    expect(await heading.isVisible()).toBe(true);
    expect(await page.locator("[data-search-partial-list] h3").allTextContents()).toContain("Tring Countryside Club");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a service's town and ages in its result", async () => {
    const { page } = await watchedPage();
    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("watford autism family group")}`);
    const first = page.locator(".app-search-results__item").first();
    await expect.poll(() => first.getByRole("link").textContent()).toBe("Watford Autism Family Group");
    expect(await first.locator(".app-search-results__details").textContent()).toBe("Watford. Ages 0 to 18");
    // Pages that are not services have no details.
    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("what an ehc plan is")}`);
    await expect.poll(() => page.locator(".app-search-results__item").first().getByRole("link").textContent()).toBe("What an EHC plan is");
    expect(await page.locator(".app-search-results__item").first().locator(".app-search-results__details").count()).toBe(0);
    await page.close();
  });

  it("offers the directory filtered by a need or a type of service the query names, and nothing for other queries", async () => {
    const { page, problems } = await watchedPage();
    const offer = page.locator("[data-search-directory]");
    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("autism clubs near me")}`);
    await expect.poll(() => offer.getByRole("link", { name: "Find services for autism" }).getAttribute("href")).toBe("/services/?need=autism");
    expect(await offer.isVisible()).toBe(true);

    // "respite" is the glossary's other word for short breaks, whose category this is.
    await page.goto(`${session.served.base}/search/?q=respite`);
    await expect
      .poll(() => offer.getByRole("link", { name: "Find short breaks and activities near you" }).getAttribute("href"))
      .toBe("/services/?category=short-breaks-and-activities");
    expect(await offer.getByRole("link", { name: "all short breaks and activities" }).getAttribute("href")).toBe(
      "/services/category/short-breaks-and-activities/",
    );
    await offer.getByRole("link", { name: "all short breaks and activities" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/short breaks and activities/i);

    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("annual review")}`);
    await expect.poll(() => status(page).textContent()).toMatch(/good match/);
    expect(await offer.isHidden()).toBe(true);
    expect(await offer.locator("a").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fetches the search bundle and the query's chunks as the results page arrives, each once, and no manifest", async () => {
    const { page, requests, problems } = await watchedPage({ freshProfile: true });
    // "to" is a stop word: the index has no chunk for it to fetch. "schools" is looked up as its term, "school".
    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("transport to schools")}`);
    await expect.poll(() => page.locator(".app-search-results__item").count()).toBeGreaterThan(0);
    expect(
      await page.locator('script[type="module"][async]').evaluateAll((scripts) => scripts.map((script) => new URL((script as HTMLScriptElement).src).pathname)),
    ).toEqual([expect.stringMatching(/^\/assets\/search\.[A-Z0-9]{8}\.js$/)]);
    // The page's own early script preloads the chunks from the manifest the page carries, so the search fetches no manifest.
    const preloads = await page.locator('link[rel="preload"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    expect(preloads).toHaveLength(2);
    for (const preloaded of preloads) expect(preloaded).toMatch(/^\/search\/index-[0-9a-f]{10}\/chunk-\d+\.json$/);
    expect(requests.filter((path) => path.startsWith("/search/index-")).sort()).toEqual([...preloads].sort());
    expect(requests).not.toContain("/search/manifest.json");
    // A preload the page could not use (a fetch with another mode or credentials) would be fetched twice.
    expect(requests.filter((path) => /^\/assets\/search\./.test(path))).toHaveLength(1);
    // Plain words need no lunr: its file is fetched only for its syntax or a correction.
    expect(requests.filter((path) => path.startsWith("/assets/search-lunr."))).toEqual([]);
    // Its early script does the work of every other page's too, so the chunks wait for one script, not two.
    expect(requests.filter((path) => /^\/assets\/early\./.test(path))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.classList.contains("app-js"))).toBe(true);
    // The moment the results showed, for measuring tools.
    expect(await page.evaluate((mark) => performance.getEntriesByName(mark).length, RESULTS_SHOWN_MARK)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fetches lunr, once, for a query with its syntax, and finds what the syntax asks for", async () => {
    const { page, requests, problems } = await watchedPage({ freshProfile: true });
    await page.goto(`${session.served.base}/search/?q=${encodeURIComponent("transp* +school")}`);
    await expect.poll(() => page.locator(".app-search-results__item").count()).toBeGreaterThan(0);
    const lunrFiles = requests.filter((path) => path.startsWith("/assets/search-lunr."));
    expect(lunrFiles).toHaveLength(1);
    // The sample's page on school transport, which has "school" (required) and "transport" ("transp*") the most.
    expect(await page.locator("[data-search-status]").innerText()).toMatch(/^\d+ good match/);
    expect(await page.locator(".app-search-results__item h2").first().innerText()).toBe("Travel to school and college");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("suggests a spelling when nothing matches, and offers the A to Z and the sections", async () => {
    const { page } = await watchedPage();
    await page.goto(`${session.served.base}/search/?q=dyslexsia`);
    await expect.poll(() => page.locator("[data-search-suggestion]").textContent()).toBe("Did you mean dyslexia?");
    expect(await page.locator(".app-search-results__item").count()).toBeGreaterThan(0);

    await page.goto(`${session.served.base}/search/?q=zzqxv`);
    await expect.poll(() => status(page).textContent()).toBe("No results for ‘zzqxv’.");
    expect(await page.getByRole("link", { name: "A to Z" }).first().isVisible()).toBe(true);
    expect(await page.locator("[data-search-help]").getByRole("link", { name: "Find services" }).isVisible()).toBe(true);
    await page.close();
  });

  it("treats hostile and broken queries as text, with no errors and nothing run", async () => {
    const { page, problems } = await watchedPage();
    for (const query of ["<img src=x onerror=alert(1)>", "title:", "*", "~", "^", "+", "-", '"', "autism~", "x".repeat(500)]) {
      await page.goto(`${session.served.base}/search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => status(page).textContent(), { message: query }).toMatch(/match(es)? for|No results for/);
      expect(await page.locator("img[src=x]").count(), query).toBe(0);
    }
    expect(await status(page).textContent()).toContain("x".repeat(200));
    expect(await status(page).textContent()).not.toContain("x".repeat(201));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("answers fuzzy, wildcard and 200-character queries within seconds, with no errors", async () => {
    const { page, problems } = await watchedPage();
    page.on("crash", () => problems.push("the tab crashed"));
    for (const query of DEMANDING_QUERIES) await expectAnswer(page, query);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("answers words that name JavaScript's object properties, alone and with fuzzy or wildcard syntax", async () => {
    const { page, problems } = await watchedPage();
    for (const word of PROTOTYPE_WORDS) {
      for (const query of [word, `support ${word}~1 ${word.slice(0, 5)}*`]) await expectAnswer(page, query);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says search is not working, instead of searching for ever, when the index does not arrive", async () => {
    const { page } = await watchedPage({ freshProfile: true });
    await page.route(/\/search\/index-[^/]+\//, (route) => route.abort());
    await page.goto(`${session.served.base}/search/?q=autism`);
    await expect.poll(() => status(page).textContent()).toBe("Search is not working at the moment. Try again, or use the A to Z.");
    expect(await page.locator("[data-search-help]").isVisible()).toBe(true);
    await page.close();
  });

  it("keeps the query in the address, so the back button returns to the results", async () => {
    const { page } = await watchedPage();
    await page.goto(`${session.served.base}/search/?q=short+breaks`);
    await page.locator(".app-search-results__item a").first().click();
    await page.waitForLoadState();
    await page.goBack();
    await expect.poll(() => status(page).textContent()).toMatch(/match(es)? for ‘short breaks’/);
    await page.close();
  });

  it("without JavaScript, says search needs it and offers the A to Z, which lists every page and service", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.served.base}/search/?q=autism`);
    expect(await page.getByText("Search needs JavaScript").isVisible()).toBe(true);
    await page.getByRole("link", { name: "A to Z" }).first().click();
    await expect.poll(() => page.url()).toBe(`${session.served.base}/a-to-z/`);
    expect(await page.getByRole("link", { name: "Watford Autism Family Group" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "What SEN support is" }).isVisible()).toBe(true);
    await context.close();
  });
});

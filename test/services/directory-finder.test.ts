// The directory on a phone and a desktop: results first and focused after sorting or filtering,
// every filter in the address and back through history, the summary of filters that are on, cards
// that say the same with or without JavaScript, and services fetched only when first used.
import { readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import type { DirectoryRecord } from "../../src/lib/geo/directory-format.ts";
import { openFinder as openFinderAt, sampleSiteInChromium } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

const openFinder = (page: Page, address: string) => openFinderAt(page, session.served.base, address);
let records: DirectoryRecord[];

beforeAll(async () => {
  records = JSON.parse(await readFile(path.join(session.served.site, "services/services.json"), "utf8")) as DirectoryRecord[];
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * A tab at the viewport's size, recording errors: in the shared profile, as the finder keeps nothing
 * without consent, or in one of its own (own) for a test that needs an empty cache or the
 * browser's permission to locate.
 */
const fresh = (viewport = PHONE, own?: BrowserContextOptions) => session.tab({ viewport, ...(own ? { own } : {}) });

const count = (page: Page) => page.locator("[data-finder-count]");
const services = (count: number) => `${count} service${count === 1 ? "" : "s"}`;
const withFeature = (feature: string) => records.filter((record) => record[9].includes(feature));
/** Whether the results heading has focus and is on screen. */
const resultsInView = (page: Page) =>
  page.evaluate(() => {
    const heading = document.querySelector<HTMLElement>("[data-finder-count]")!;
    const { top, bottom } = heading.getBoundingClientRect();
    return { focused: document.activeElement === heading, onScreen: top >= 0 && bottom <= window.innerHeight };
  });

describe.concurrent("the directory's finder", () => {
  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px, puts the postcode first, and brings the focused results heading into view after sorting and filtering`, async ({ expect }) => {
      const { close, page, problems } = await fresh(viewport);
      await openFinder(page, `/services/`);
      const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
      const postcode = await page.getByLabel("Find services near you").boundingBox();
      const toggle = page.getByRole("button", { name: "Filter services" });
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      expect(await page.getByLabel("Need").isVisible(), "the other filters wait behind Filter services").toBe(false);
      // Straight under the heading: only its label and hint come between.
      expect(postcode!.y - (heading!.y + heading!.height), "the postcode box follows the heading").toBeLessThan(200);

      await page.getByLabel("Find services near you").fill("AL1 3JE");
      await page.getByRole("button", { name: "Sort by distance" }).click();
      await expect.poll(() => count(page).textContent()).toMatch(/^\d+ services, nearest to AL1 3 first$/);
      await expect.poll(() => resultsInView(page)).toEqual({ focused: true, onScreen: true });
      expect(await count(page).evaluate((heading) => heading.tagName)).toBe("H2");

      await page.evaluate(() => window.scrollTo(0, 0));
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      await page.getByLabel("Need").selectOption("autism");
      await page.getByRole("button", { name: "Apply filters" }).click();
      const autism = records.filter((record) => record[6].includes("autism")).length;
      await expect.poll(() => count(page).textContent()).toBe(`${services(autism)}, nearest to AL1 3 first`);
      await expect.poll(() => resultsInView(page)).toEqual({ focused: true, onScreen: true });
      expect(await toggle.textContent()).toBe("Filter services (1 on)");
      expect(problems).toEqual([]);
      await close();
    });
  }

  it("keeps the finder's own scripts small: none of the build's code comes with them", async ({ expect }) => {
    const assets = path.join(session.served.site, "assets");
    const finderScripts = (await readdir(assets)).filter((file) => /^(service-finder|locate-postcode)\.[A-Z0-9]+\.js$/.test(file));
    expect(finderScripts).toHaveLength(2);
    for (const file of finderScripts) {
      const script = await readFile(path.join(assets, file));
      expect(gzipSync(script, { level: 9 }).length, file).toBeLessThan(6000);
      expect(script.toString(), file).not.toContain("new Function");
    }
  });

  it("fetches the services only when someone first uses the finder", async ({ expect }) => {
    const { close, page } = await fresh(PHONE, {});
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${session.served.base}/services/`, { waitUntil: "networkidle" });
    expect(fetched).not.toContain("/services/services.json");
    await page.getByLabel("Find services near you").fill("SG1");
    await page.getByRole("button", { name: "Sort by distance" }).click();
    await expect.poll(() => count(page).textContent()).toMatch(/nearest to SG1 first$/);
    expect(fetched).toContain("/services/services.json");
    await close();
  });

  it("keeps every filter in the address, restores them on load and goes back through them", async ({ expect }) => {
    const { close, page, problems } = await fresh(DESKTOP);
    await openFinder(page, `/services/?postcode=SG1&age=7&need=autism&category=short-breaks-and-activities&free=yes`);
    const expected = records.filter(
      (record) =>
        record[6].includes("autism") && record[5].includes("short-breaks-and-activities") && record[7] <= 7 && 7 <= record[8] && record[9].includes("free"),
    );
    await expect.poll(() => count(page).textContent()).toBe(`${services(expected.length)}, nearest to SG1 first`);
    expect(await page.getByLabel("Find services near you").inputValue()).toBe("SG1");
    expect(await page.getByLabel("Need").inputValue()).toBe("autism");
    expect(await page.getByLabel("Age of your child or young person").inputValue()).toBe("7");
    expect(await page.getByLabel("Type of service").inputValue()).toBe("short-breaks-and-activities");
    expect(await page.getByLabel("Free only").isChecked()).toBe(true);

    await page.getByRole("button", { name: "Remove filter: Autism" }).click();
    await expect.poll(() => page.url()).toBe(`${session.served.base}/services/?postcode=SG1&category=short-breaks-and-activities&age=7&free=yes`);
    expect(await page.getByLabel("Need").inputValue()).toBe("");
    const withoutAutism = await count(page).textContent();

    await page.goBack();
    await expect.poll(() => count(page).textContent()).toBe(`${services(expected.length)}, nearest to SG1 first`);
    expect(await page.getByLabel("Need").inputValue()).toBe("autism");
    expect(await page.getByRole("button", { name: "Remove filter: Autism" }).isVisible()).toBe(true);
    await page.goForward();
    await expect.poll(() => count(page).textContent()).toBe(withoutAutism);
    expect(problems).toEqual([]);
    await close();
  });

  it("takes the category and need links other pages make", async ({ expect }) => {
    const { close, page } = await fresh();
    for (const [query, expected] of [
      ["category=holiday-clubs", records.filter((record) => record[5].includes("holiday-clubs")).length],
      ["need=autism", records.filter((record) => record[6].includes("autism")).length],
    ] as const) {
      await openFinder(page, `/services/?${query}`);
      await expect.poll(() => count(page).textContent(), { message: query }).toBe(services(expected));
      expect(expected, query).toBeGreaterThan(0);
    }
    await close();
  });

  const FEATURE_FILTERS: Array<[string, string, string]> = [
    ["free=yes", "free", "Free only"],
    ["when=weekdays", "weekdays", "Weekdays"],
    ["when=after-school", "after-school", "After school"],
    ["when=weekends", "weekends", "Weekends"],
    ["when=school-holidays", "school-holidays", "School holidays"],
    ["access=step-free-access", "step-free-access", "Step-free access"],
    ["access=changing-places-toilet", "changing-places-toilet", "Changing Places toilet"],
    ["access=quiet-times", "quiet-times", "Quiet or sensory-friendly times"],
    ["online=yes", "online", "Online or by phone"],
  ];
  for (const [query, feature, label] of FEATURE_FILTERS) {
    it(`filters by ${label}, from the form and from the address`, async ({ expect }) => {
      const { close, page, problems } = await fresh();
      const expected = withFeature(feature);
      expect(expected.length, "the sample has some services with it").toBeGreaterThan(0);
      expect(expected.length, "and some without").toBeLessThan(records.length);
      await openFinder(page, `/services/`);
      await page.getByRole("button", { name: "Filter services" }).click();
      await page.getByLabel(label, { exact: true }).check();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect.poll(() => count(page).textContent()).toBe(services(expected.length));
      expect(new URL(page.url()).search).toBe(`?${query}`);
      const shown = await page.locator("[data-finder-results] h3 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(shown).toEqual(expected.slice(0, 50).map((record) => record[0]));
      expect(await page.getByRole("button", { name: `Remove filter: ${label}` }).isVisible()).toBe(true);
      await page.reload();
      await expect.poll(() => count(page).textContent()).toBe(services(expected.length));
      expect(problems).toEqual([]);
      await close();
    });
  }

  it("sums up the filters that are on, removes one at a time and clears them all", async ({ expect }) => {
    const { close, page, problems } = await fresh();
    await openFinder(page, `/services/?need=autism&when=weekends&access=step-free-access`);
    const summary = page.locator("[data-finder-summary]");
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getByRole("button").allTextContents()).toEqual([
      "Remove filter: Autism",
      "Remove filter: Weekends",
      "Remove filter: Step-free access",
      "Clear filters",
    ]);
    await summary.getByRole("button", { name: "Remove filter: Weekends" }).click();
    const left = records.filter((record) => record[6].includes("autism") && record[9].includes("step-free-access"));
    await expect.poll(() => count(page).textContent()).toBe(services(left.length));
    expect(await resultsInView(page)).toEqual({ focused: true, onScreen: true });
    expect(await page.getByLabel("Weekends", { exact: true }).isChecked()).toBe(false);
    await summary.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => count(page).textContent()).toBe(services(records.length));
    expect(await summary.isVisible()).toBe(false);
    expect(new URL(page.url()).search).toBe("");
    expect(await page.getByRole("button", { name: "Filter services" }).textContent()).toBe("Filter services");
    expect(problems).toEqual([]);
    await close();
  });

  it("draws the same cards as the page without JavaScript", async ({ expect }) => {
    const category = "short-breaks-and-activities";
    const cardTexts = (page: Page, selector: string) =>
      page.locator(`${selector} li`).evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText));
    const noScript = await session.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const plain = await noScript.newPage();
    await plain.goto(`${session.served.base}/services/category/${category}/`);
    const withoutJs = await cardTexts(plain, "[data-finder-static] .app-card-list");
    await noScript.close();

    const { close, page } = await fresh(DESKTOP);
    await openFinder(page, `/services/category/${category}/`);
    await page.getByRole("button", { name: "Filter services" }).click();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => count(page).textContent()).toBe(services(withoutJs.length));
    const withJs = await cardTexts(page, "[data-finder-results]");
    expect(withoutJs.length).toBeGreaterThan(5);
    expect(withJs).toEqual(withoutJs);
    expect(withJs.join("\n")).toMatch(/Ages \d+ to \d+\. (Free|£)/);
    expect(withJs.join("\n")).toMatch(/Needs: /);
    await close();
  });

  it("fits a 320 px screen with the filters open and on, without scrolling sideways", async ({ expect }) => {
    const { close, page } = await fresh({ width: 320, height: 640 });
    await openFinder(page, `/services/?postcode=AL1+3&need=autism&access=changing-places-toilet&when=after-school`);
    await expect.poll(() => count(page).textContent()).toMatch(/nearest to AL1 3 first$/);
    await page.getByRole("button", { name: "Filter services" }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await close();
  });

  it("says a full postcode's distances are from the middle of its sector", async ({ expect }) => {
    const { close, page } = await fresh();
    const where = page.locator("[data-finder-location-text]");
    await openFinder(page, `/services/`);
    await page.getByLabel("Find services near you").fill("al1 3je");
    await page.getByRole("button", { name: "Sort by distance" }).click();
    await expect.poll(() => where.textContent()).toBe("Distances are from the middle of AL1 3, the area your postcode is in.");
    expect(await where.isVisible()).toBe(true);
    await page.getByLabel("Find services near you").fill("SG1");
    await page.getByRole("button", { name: "Sort by distance" }).click();
    await expect.poll(() => where.textContent()).toBe("Distances are from the middle of SG1.");
    await close();
  });

  it("says less than half a mile, not 0.0 miles, for a service next door", async ({ expect }) => {
    const [url, , town, latitude, longitude] = records.find((record) => record[3] !== null)!;
    const { close, page } = await fresh(PHONE, { geolocation: { latitude: latitude!, longitude: longitude! }, permissions: ["geolocation"] });
    await openFinder(page, `/services/`);
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => count(page).textContent()).toMatch(/nearest to your location first$/);
    const first = page.locator("[data-finder-results] li").filter({ has: page.locator(`a[href="${url}"]`) });
    expect(await first.locator("[data-card-place]").textContent()).toBe(`${town}, less than half a mile away`);
    expect(await page.locator("[data-finder-results]").textContent()).not.toContain("0.0");
    await close();
  });
});

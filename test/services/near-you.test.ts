// "Services near you" in Chromium: postcodes and the device's location sort the directory nearest
// first, filters combine with distance, errors sit next to the field, and the location is
// remembered only by choice, with consent, for the register's lifetimes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { distanceKm, KM_PER_MILE } from "../../src/lib/geo/distance.ts";
import type { DirectoryRecord } from "../../src/lib/geo/directory-format.ts";
import { centroidTables } from "../../src/content/postcode-tables.ts";
import { CHOSEN_DAYS, CONSENT_COOKIE } from "../../src/lib/cookies/register.ts";
import { openFinder as openFinderAt, sampleSiteInChromium, type WatchedTab } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

const openFinder = (page: Page, address: string) => openFinderAt(page, session.served.base, address);
let records: DirectoryRecord[];

beforeAll(async () => {
  records = JSON.parse(await readFile(path.join(session.served.site, "services/services.json"), "utf8")) as DirectoryRecord[];
});

const STEVENAGE = { latitude: 51.9038, longitude: -0.1966 };

/**
 * A tab recording errors: in a browser profile of its own when the test agrees to cookies (consent)
 * or lets the browser locate it (geolocation), otherwise in the shared one, as the finder keeps
 * nothing without consent.
 */
async function fresh(options: { consent?: boolean; geolocation?: boolean } = {}): Promise<WatchedTab> {
  const own = options.geolocation ? { geolocation: STEVENAGE, permissions: ["geolocation"] } : options.consent ? {} : undefined;
  const tab = await session.tab(own ? { own } : {});
  if (options.consent) await tab.context.addCookies([{ name: CONSENT_COOKIE, value: "v1-yes", url: session.served.base }]);
  return tab;
}

const results = (page: Page) => page.locator("[data-finder-results] li");
const count = (page: Page) => page.locator("[data-finder-count]");

async function searchNear(page: Page, postcode: string): Promise<void> {
  await openFinder(page, `/services/`);
  await page.getByLabel("Find services near you").fill(postcode);
  await page.getByRole("button", { name: "Sort by distance" }).click();
}

describe("services near you", () => {
  it("puts the St Albans services first for a St Albans postcode, in any case or spacing", async () => {
    const { close, page, problems } = await fresh();
    await searchNear(page, "al13je");
    await expect.poll(() => count(page).textContent()).toMatch(/^\d+ services, nearest to AL1 3 first$/);
    const firstThree = await results(page)
      .locator("[data-card-place]")
      .evaluateAll((items) => items.slice(0, 3).map((item) => item.textContent ?? ""));
    for (const line of firstThree) expect(line).toMatch(/^St Albans, (\d+\.\d miles|less than half a mile) away$/);
    expect(await results(page).count()).toBe(Math.min(50, records.length));
    expect(page.url()).toBe(`${session.served.base}/services/?postcode=AL1+3`);
    expect(problems).toEqual([]);
    await close();
  });

  it("puts the Stevenage services first for a Stevenage district", async () => {
    const { close, page } = await fresh();
    await searchNear(page, "SG1");
    await expect.poll(() => count(page).textContent()).toMatch(/nearest to SG1 first$/);
    expect(await results(page).first().locator("[data-card-place]").textContent()).toMatch(/^Stevenage, /);
    await close();
  });

  it("combines the type, age, need and distance filters with the distance order", async () => {
    const { close, page } = await fresh();
    await searchNear(page, "AL1 3");
    await expect.poll(() => count(page).textContent()).toMatch(/nearest to AL1 3 first$/);
    await page.getByRole("button", { name: "Filter services" }).click();
    await page.getByLabel("Type of service").selectOption("short-breaks-and-activities");
    await page.getByLabel("Age of your child or young person").selectOption("8");
    await page.getByLabel("How far").selectOption("10");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const here = centroidTables().sectors.get("AL1 3")!;
    const expected = records
      .filter(([, , , , , categories, , min, max]) => categories.includes("short-breaks-and-activities") && min <= 8 && 8 <= max)
      .map(([url, title, , latitude, longitude]) => ({
        url,
        title,
        km: latitude === null || longitude === null ? Infinity : distanceKm(here, { latitude, longitude }),
      }))
      .filter(({ km }) => km === Infinity || km <= 10 * KM_PER_MILE)
      .sort((a, b) => a.km - b.km || a.title.localeCompare(b.title));
    expect(expected.length).toBeGreaterThan(2);
    await expect.poll(() => count(page).textContent()).toBe(`${expected.length} service${expected.length === 1 ? "" : "s"}, nearest to AL1 3 first`);
    expect(
      await results(page)
        .locator("a")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href"))),
    ).toEqual(expected.slice(0, 50).map(({ url }) => url));
    await close();
  });

  it("uses the device's location after the button is pressed", async () => {
    const { close, page } = await fresh({ geolocation: true });
    await openFinder(page, `/services/`);
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => count(page).textContent()).toMatch(/nearest to your location first$/);
    expect(await results(page).first().locator("[data-card-place]").textContent()).toMatch(/^Stevenage, /);
    expect(await page.locator("[data-finder-location-text]").textContent()).toBe("Distances are from your location.");
    await close();
  });

  it("explains, next to the field, when the location is refused or a postcode is wrong", async () => {
    const { close, page, problems } = await fresh();
    await openFinder(page, `/services/`);
    await page.getByRole("button", { name: "Use my location" }).click();
    const error = page.locator("#finder-postcode-error");
    await expect.poll(() => error.textContent()).toContain("You did not let this site use your location");
    const cases: Array<[string, RegExp]> = [
      ["", /Enter a postcode/],
      ["hello", /Enter a real postcode/],
      ["BT1 1AA", /Northern Ireland/],
      ["ZE9 9ZZ", /could not find ZE9 9 in our postcode data/],
      ["EH1 1YZ", /^Most services listed are in Hartsfield; this location is \d+ miles away$/],
    ];
    for (const [postcode, message] of cases) {
      await page.getByLabel("Find services near you").fill(postcode);
      await page.getByRole("button", { name: "Sort by distance" }).click();
      await expect.poll(() => error.locator("[data-finder-error-text]").textContent(), { message: postcode }).toMatch(message);
      expect(await page.locator("[data-finder-error-summary]").isVisible(), postcode).toBe(true);
      expect(await page.locator("[data-finder-error-summary] a").textContent(), postcode).toMatch(message);
      expect(await page.getByLabel("Find services near you").getAttribute("aria-describedby"), postcode).toContain("finder-postcode-error");
      expect(await page.title(), postcode).toMatch(/^Error: /);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it("focuses GOV.UK's error summary, whose link moves focus to the postcode field", async () => {
    const { close, page, problems } = await fresh();
    await searchNear(page, "hello");
    const summary = page.locator("[data-finder-error-summary] .govuk-error-summary");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await summary.getAttribute("data-govuk-error-summary-init"), "bound by GOV.UK Frontend's ErrorSummary").not.toBeNull();
    await summary.getByRole("link").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("finder-postcode");
    expect(new URL(page.url()).hash, "the link moves focus, not the address").toBe("");
    expect(problems).toEqual([]);
    await close();
  });

  it("shows the error for a wrong postcode in the address, and still lists every service", async () => {
    const { close, page, problems } = await fresh();
    await openFinder(page, `/services/?postcode=zz`);
    await expect.poll(() => page.locator("#finder-postcode-error [data-finder-error-text]").textContent()).toMatch(/^Enter a real postcode/);
    expect(await page.locator("[data-finder-error-summary] a").textContent()).toMatch(/^Enter a real postcode/);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel("Find services near you").inputValue()).toBe("zz");
    expect(await count(page).textContent()).toBe(`${records.length} services`);
    expect(await results(page).count()).toBe(Math.min(50, records.length));
    expect(problems).toEqual([]);
    await close();
  });

  it("remembers the location only by choice and with consent, for the session or 30 days, and forgets it at once", async () => {
    const withoutConsent = await fresh();
    await searchNear(withoutConsent.page, "AL1 3JE");
    await withoutConsent.page.getByRole("button", { name: "Remember my location" }).click();
    expect(await withoutConsent.page.locator("[data-finder-remember-status]").textContent()).toContain(
      "only remember your location if you allow feature cookies",
    );
    expect(await withoutConsent.context.cookies()).toEqual([]);
    await withoutConsent.close();

    const { context, page } = await fresh({ consent: true });
    await searchNear(page, "AL1 3JE");
    await page.getByLabel("For 30 days").check();
    await page.getByRole("button", { name: "Remember my location" }).click();
    const geo = async () => (await context.cookies()).filter((cookie) => cookie.name.startsWith("geo"));
    const now = Date.now() / 1000;
    const stored = await geo();
    expect(stored.map(({ name, value }) => [name, decodeURIComponent(value)]).sort()).toEqual([
      ["geoCoordinates", expect.stringMatching(/^51\.\d{1,3},-0\.\d{1,3}$/)],
      ["geoPostcode", "AL1_3"],
    ]);
    for (const cookie of stored) expect(Math.abs(cookie.expires - now - CHOSEN_DAYS * 86_400)).toBeLessThan(60);

    // Next visit: the directory and the service pages know the location.
    const next = await context.newPage();
    await openFinder(next, `/services/`);
    await expect.poll(() => count(next).textContent()).toMatch(/nearest to AL1 3 first$/);
    const service = records.find(([, , town]) => town === "Stevenage")!;
    await next.goto(`${session.served.base}${service[0]}`);
    await expect.poll(() => next.locator('[data-module="app-service-distance"]').textContent()).toMatch(/^\d+(\.\d)? miles from AL1 3$/);

    await page.getByLabel("Only while I’m using the site").check();
    await page.getByRole("button", { name: "Remember my location" }).click();
    for (const cookie of await geo()) expect(cookie.expires, cookie.name).toBe(-1);

    await page.getByRole("button", { name: "Forget my location" }).click();
    expect(await geo()).toEqual([]);
    expect(await count(page).textContent()).not.toContain("nearest");
    await context.close();
  });

  it("ignores tampered location cookies", async () => {
    // One profile, its cookies set afresh for each case: the finder reads nothing else.
    const { context, page, problems, close } = await fresh({ consent: true });
    for (const [name, value] of [
      ["geoCoordinates", encodeURIComponent("<img src=x onerror=alert(1)>")],
      ["geoCoordinates", "91,0"],
      ["geoCoordinates", "51.75234567,-0.3"],
      ["geoPostcode", "AL1_3JE"],
    ]) {
      await context.clearCookies();
      await context.addCookies([
        { name: CONSENT_COOKIE, value: "v1-yes", url: session.served.base },
        { name: "geoCoordinates", value: "51.752,-0.337", url: session.served.base },
        { name: "geoPostcode", value: "AL1_3", url: session.served.base },
        { name: name!, value: value!, url: session.served.base },
      ]);
      await page.goto(`${session.served.base}/services/`, { waitUntil: "networkidle" });
      // No location: the finder waits to be used, and the page lists the types of service.
      if (name === "geoCoordinates") expect(await count(page).isVisible(), value).toBe(false);
      else await expect.poll(() => count(page).textContent(), { message: value }).toMatch(/^\d+ services, nearest to your location first$/);
      expect(await page.locator("img[src=x]").count()).toBe(0);
      expect(problems, value).toEqual([]);
    }
    await close();
  });

  it("without JavaScript, lists the types of service with their counts, and every service on the category pages", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.served.base}/services/`);
    expect(await page.getByText("To sort services by how far they are from you, or filter them, turn on JavaScript.").isVisible()).toBe(true);
    expect(await page.getByLabel("Find services near you").isVisible()).toBe(false);
    const types = page.getByRole("navigation", { name: "Types of service" }).locator("h3");
    const listed = new Set<string>();
    let counted = 0;
    for (const text of await types.allTextContents()) counted += Number(/\((\d+)\)$/.exec(text.trim())?.[1]);
    for (const href of await types.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!))) {
      await page.goto(`${session.served.base}${href}`);
      for (const url of await page.locator("[data-finder-static] h3 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!)))
        listed.add(url);
    }
    expect(listed.size).toBe(records.length);
    expect(counted).toBe(records.reduce((sum, record) => sum + record[5].length, 0));
    await context.close();
  });
});

// Pages that work for every family, in Chromium: phone numbers and email addresses to tap, no
// sideways scrolling at 320 px, "On this page" on long pages, section pages that list their pages
// once, printing, and "Translate this page" with nothing loaded from or sent to another website.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { type PageState, pageStates } from "../../scripts/support/page-states.ts";
import { onePageOfEachKind } from "../../scripts/support/site-pages.ts";
import { forEachAtOnce, inTabs, NARROWEST, runStateActions, sampleSiteInChromium, sidewaysScroll } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function settings(): Promise<{ baseUrl: string; councilName: string; siteName: string; translationLanguages: Array<{ code: string; name: string }> }> {
  return parse(await readFile(path.join(session.served.dir, "content/_data/settings.yaml"), "utf8"));
}

// Each test has its own browser context and changes nothing shared.
describe.concurrent("pages for every family", () => {
  it("links the phone numbers and email addresses in pages' text, to tap to call or write", async ({ expect }) => {
    const page = await session.browser.newPage({ viewport: PHONE });
    await page.goto(`${session.served.base}/contact/`);
    const main = page.getByRole("main");
    for (const [text, href] of [
      ["01632 960099", "tel:01632960099"],
      ["01632 960000", "tel:01632960000"],
      ["send@hartsfield.example", "mailto:send@hartsfield.example"],
      ["shortbreaks@hartsfield.example", "mailto:shortbreaks@hartsfield.example"],
    ]) {
      const link = main.getByRole("link", { name: text, exact: true }).first();
      expect(await link.getAttribute("href"), text).toBe(href);
      expect(await link.getAttribute("class"), text).toContain("govuk-link");
    }
    // Headings keep their words: a number in a heading would be a link inside a heading.
    expect(await main.locator("h2 a").count()).toBe(0);
    await page.goto(`${session.served.base}/ehc-plans/asking-for-an-ehc-needs-assessment/`);
    expect(await page.getByRole("main").getByRole("link", { name: "01632 960050" }).getAttribute("href")).toBe("tel:01632960050");
    expect(await page.getByRole("main").getByRole("link", { name: "sendiass@hartsfield.example" }).getAttribute("href")).toBe(
      "mailto:sendiass@hartsfield.example",
    );
    await page.close();
  });

  it("scrolls no page sideways at 320 px without JavaScript, on pages that draw every kind of element, nor in any state the scripts draw", async ({
    expect,
  }) => {
    // With JavaScript, every page is measured at 320 px in the walk in test/browser.test.ts.
    const { pages } = await onePageOfEachKind(session.served.site);
    expect(pages).toEqual(expect.arrayContaining(["/", "/contact/", "/cookies/", "/search/"]));
    const tooWide: string[] = [];
    const withoutScripts = await session.browser.newContext({ viewport: NARROWEST, javaScriptEnabled: false });
    await inTabs(
      () => withoutScripts.newPage(),
      pages,
      4,
      async (page, url) => {
        await page.goto(`${session.served.base}${url}`);
        const { scrollWidth, widest } = await sidewaysScroll(page);
        if (scrollWidth > NARROWEST.width) tooWide.push(`${url} (JavaScript off): ${scrollWidth} px, ${widest.join(", ")}`);
      },
    );
    await withoutScripts.close();
    // Every state the accessibility check reads: those that agree to cookies each in a browser
    // profile of its own, as pa11y reads them, and the rest in tabs of one profile, which keeps nothing.
    const states = await pageStates(session.served.site, session.served.base);
    expect(states.length).toBeGreaterThanOrEqual(16);
    const measureState = async (page: Page, { url, actions }: PageState) => {
      // A blank page first: a state that starts on the same page as the last, at another #name, must not carry on from it.
      await page.goto("about:blank");
      await page.goto(`${session.served.base}${url}`);
      await runStateActions(page, actions);
      const { scrollWidth, widest } = await sidewaysScroll(page);
      if (scrollWidth > NARROWEST.width) tooWide.push(`${url} in its state: ${scrollWidth} px, ${widest.join(", ")}`);
    };
    const shared = await session.browser.newContext({ viewport: NARROWEST });
    await Promise.all([
      inTabs(
        () => shared.newPage(),
        states.filter((state) => !state.useIncognitoBrowserContext),
        3,
        measureState,
      ),
      forEachAtOnce(
        states.filter((state) => state.useIncognitoBrowserContext),
        1,
        async (state) => {
          const context = await session.browser.newContext({ viewport: NARROWEST });
          await measureState(await context.newPage(), state);
          await context.close();
        },
      ),
    ]);
    expect(await shared.cookies()).toEqual([]);
    await shared.close();
    // And: the cookie banner (a first visit) with the menu and "Translate this page" open, search results.
    const context = await session.browser.newContext({ viewport: NARROWEST });
    const page = await context.newPage();
    await page.goto(`${session.served.base}/cookies/`);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.locator(".app-translate summary").click();
    expect(await page.locator(".govuk-cookie-banner").isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Main sections" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Polski" }).isVisible()).toBe(true);
    const opened = await sidewaysScroll(page);
    if (opened.scrollWidth > NARROWEST.width) tooWide.push(`/cookies/ with the menu open: ${opened.scrollWidth} px, ${opened.widest.join(", ")}`);
    await page.goto(`${session.served.base}/search/?q=autism`);
    await page.locator(".app-search-results__item").first().waitFor();
    const results = await sidewaysScroll(page);
    if (results.scrollWidth > NARROWEST.width) tooWide.push(`/search/?q=autism: ${results.scrollWidth} px, ${results.widest.join(", ")}`);
    expect(tooWide).toEqual([]);

    // A wide table scrolls in its own labelled box, which a keyboard user can reach and scroll.
    await page.goto(`${session.served.base}/cookies/`);
    const region = page.getByRole("region", { name: "Performance and feature cookies we use" });
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);

    // Can fail: an element wider than the screen is found.
    await page.evaluate(() => {
      const wide = document.createElement("div");
      wide.style.width = "400px";
      wide.style.height = "10px";
      document.querySelector("main")?.append(wide);
    });
    expect((await sidewaysScroll(page)).scrollWidth).toBeGreaterThan(NARROWEST.width);
    await context.close();
  });

  it("puts every table in the pages' text in a labelled region in the tab order", async ({ expect }) => {
    const context = await session.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of ["/open-data/", "/ehc-plans/timescales/", "/cookies/"]) {
      await page.goto(`${session.served.base}${url}`);
      const tables = page.locator("main table");
      expect(await tables.count(), url).toBeGreaterThan(0);
      for (let index = 0; index < (await tables.count()); index++) {
        const region = tables.nth(index).locator("xpath=..");
        expect(await region.getAttribute("role"), url).toBe("region");
        expect(await region.getAttribute("tabindex"), url).toBe("0");
        expect(await region.getAttribute("aria-label"), url).toMatch(/\w/);
      }
    }
    await context.close();
  });

  it("lists a long page's sections under 'On this page', linking to its headings, on a phone and a computer, without JavaScript", async ({ expect }) => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await session.browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${session.served.base}/contact/`);
      const contents = page.getByRole("navigation", { name: "On this page" });
      expect(await contents.isVisible()).toBe(true);
      const headings = await page
        .locator(".app-prose h2")
        .evaluateAll((found) => found.map((heading) => ({ id: heading.id, text: heading.textContent?.trim() })));
      const links = await contents
        .getByRole("link")
        .evaluateAll((found) => found.map((link) => ({ id: link.getAttribute("href")?.slice(1), text: link.textContent?.trim() })));
      expect(links).toEqual(headings);
      await contents.getByRole("link", { name: "Travel to school team" }).click();
      await expect.poll(() => page.url()).toBe(`${session.served.base}/contact/#travel-to-school-team`);
      expect(await page.getByRole("heading", { name: "Travel to school team" }).isVisible()).toBe(true);
      // A section's index page lists its list of pages too, which the layout draws after the text.
      await page.goto(`${session.served.base}/ehc-plans/`);
      const sections = page.getByRole("navigation", { name: "On this page" }).getByRole("link");
      expect(await sections.last().getAttribute("href")).toBe("#pages-in-this-section");
      expect(await page.locator("#pages-in-this-section").textContent()).toBe("Pages in this section");
      await context.close();
    }
  });

  it("lists each page of a section once on its index page, with its description", async ({ expect }) => {
    const page = await session.browser.newPage({ viewport: PHONE });
    await page.goto(`${session.served.base}/ehc-plans/`);
    const cards = page.locator(".app-card-list__item");
    const listed = await cards.locator("h3 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(listed.length).toBeGreaterThanOrEqual(8);
    expect(new Set(listed).size).toBe(listed.length);
    for (let index = 0; index < (await cards.count()); index++) expect((await cards.nth(index).locator("p").textContent())?.length).toBeGreaterThan(40);
    // The card list is the only list of the section's pages: no section nav, no list in the text.
    expect(await page.getByRole("navigation", { name: "In this section" }).count()).toBe(0);
    for (const href of listed) expect(await page.locator(`main h3 a[href="${href}"], main li > a[href="${href}"]:only-child`).count(), href!).toBe(1);
    // Its pages still have the section nav.
    await page.goto(`${session.served.base}${listed[0]}`);
    expect(await page.getByRole("navigation", { name: "In this section" }).isVisible()).toBe(true);
    await page.close();
  });

  it("can fail: a link whose words are its address is printed twice without the marker the Markdown gives it", async ({ expect }) => {
    const page = await session.browser.newPage();
    await page.goto(`${session.served.base}/contact/`);
    await page.emulateMedia({ media: "print" });
    const link = page.locator(".app-prose a[href='tel:01632960000']").first();
    expect(await link.evaluate((element) => getComputedStyle(element, "::after").content)).toBe("none");
    await link.evaluate((element) => element.classList.remove("app-link--address"));
    expect(await link.evaluate((element) => getComputedStyle(element, "::after").content)).not.toBe("none");
    await page.close();
  });

  it("offers 'Translate this page' as links to the translation website, with JavaScript on and off, loading and setting nothing from another website", async ({
    expect,
  }) => {
    const { baseUrl, translationLanguages } = await settings();
    expect(translationLanguages.map((language) => language.code)).toEqual(
      expect.arrayContaining(["pl", "ur", "bn", "pa", "ro", "ar", "so", "gu", "pt", "lt", "tr", "cy"]),
    );
    for (const [viewport, javaScriptEnabled] of [
      [PHONE, true],
      [PHONE, false],
      [DESKTOP, true],
    ] as const) {
      const context = await session.browser.newContext({ viewport, javaScriptEnabled });
      const requests: string[] = [];
      context.on("request", (request) => requests.push(request.url()));
      const page = await context.newPage();
      await page.goto(`${session.served.base}/ehc-plans/timescales/`);
      await page.waitForLoadState("networkidle");
      const translate = page.locator(".app-translate");
      expect(await translate.getByRole("link", { name: "Polski" }).isVisible()).toBe(false);
      await translate.getByText("Translate this page").click();
      // Read in one go: a question to the browser per language would take most of the test's time.
      const offered = await translate.locator(".app-translate__languages a").evaluateAll((links) =>
        links.map((link) => ({
          name: link.textContent?.trim(),
          lang: link.getAttribute("lang"),
          href: link.getAttribute("href"),
          shown: link.checkVisibility(),
        })),
      );
      expect(offered).toEqual(
        translationLanguages.map(({ code, name }) => ({
          name,
          lang: code,
          href: `https://translate.google.com/translate?sl=en&tl=${encodeURIComponent(code)}&u=${encodeURIComponent(`${baseUrl}/ehc-plans/timescales/`)}`,
          shown: true,
        })),
      );
      await translate.getByRole("link", { name: "use your phone or computer to translate this website" }).click();
      await expect.poll(() => page.url()).toBe(`${session.served.base}/translate/`);
      expect(await page.getByRole("heading", { name: "Safari on an iPhone or iPad" }).isVisible()).toBe(true);
      expect(requests.filter((url) => !url.startsWith(session.served.base))).toEqual([]);
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("googtrans");
      expect((await context.cookies()).filter((cookie) => !cookie.domain.includes("127.0.0.1") && !cookie.domain.includes("localhost"))).toEqual([]);
      await context.close();
    }
    // The cookies page says why there is no googtrans cookie.
    const page = await session.browser.newPage();
    await page.goto(`${session.served.base}/cookies/`);
    expect(await page.getByRole("heading", { name: "Translating pages" }).isVisible()).toBe(true);
    expect(await page.getByText(/never sets Google’s googtrans cookie|never sets Google's googtrans cookie/).isVisible()).toBe(true);
    await page.close();
  });
});

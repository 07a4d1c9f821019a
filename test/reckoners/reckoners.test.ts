// The two sample ready reckoners in Chromium: answered with and without JavaScript, back and start
// again, what they remember with consent and without, tampered memory, the keyboard, printing and
// saving a result. Expected results come from the reckoner files themselves: the cards each
// chosen answer lists, in the order the file lists its cards.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, type ExpectStatic, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SAVED_PAGES_COOKIE } from "../../src/lib/cookies/register.ts";
import { pageIdOf } from "../../src/lib/saved-pages/page-ids.ts";
import { axeViolations, sampleSiteInChromium } from "../helpers/browser.ts";

const session = sampleSiteInChromium();

interface Definition {
  name: string;
  expiryDays: number;
  questions: Array<{
    id: string;
    question: string;
    error?: string;
    hint?: string;
    type?: string;
    answers: Array<{ id: string; text: string; cards?: string[] }>;
  }>;
  cards: Array<{ id: string; title: string; link: string }>;
}

const definitionOf = async (name: string) =>
  parseYaml(await readFile(path.join(session.served.dir, "content/reckoners", `${name}.yaml`), "utf8")) as Definition;
/** A question's id and the ids of the answers chosen there. */
type Chosen = readonly [string, readonly string[]];

function questionOf(definition: Definition, id: string) {
  const question = definition.questions.find((found) => found.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}
const answerText = (definition: Definition, [questionId, ids]: Chosen) =>
  ids.map((id) => questionOf(definition, questionId).answers.find((answer) => answer.id === id)!.text);

/** The cards the chosen answers list, in the file's card order. */
function expectedCards(definition: Definition, answers: readonly Chosen[]): string[] {
  const wanted = new Set(
    answers.flatMap(([questionId, ids]) =>
      questionOf(definition, questionId)
        .answers.filter((answer) => ids.includes(answer.id))
        .flatMap((answer) => answer.cards ?? []),
    ),
  );
  return definition.cards.map((card) => card.id).filter((id) => wanted.has(id));
}

/**
 * A tab recording errors, at the viewport's size: in a browser profile of its own for a test that
 * agrees to cookies or reads the profile's cookies (ownProfile), otherwise in a shared one, as a
 * reckoner keeps nothing without consent.
 */
const watchedTab = (javaScriptEnabled = true, options: { ownProfile?: boolean; viewport?: { width: number; height: number } } = {}) =>
  session.tab({ javaScriptEnabled, ...(options.ownProfile ? { own: {} } : {}), ...(options.viewport ? { viewport: options.viewport } : {}) });

const open = async (page: Page, url: string) => {
  await page.goto(`${session.served.base}${url}`);
  await page.waitForLoadState("networkidle");
};
const shownCards = (page: Page) => page.locator("[data-reckoner-card]").evaluateAll((items) => items.map((item) => item.getAttribute("data-reckoner-card")));
const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName);
const cookie = async (context: BrowserContext, name: string) => (await context.cookies()).find((found) => found.name === name);
const acceptCookies = (page: Page) => page.getByRole("button", { name: "Accept feature cookies" }).click();

/** Answers in place from the start page, checking each new question (and then the results) takes focus. */
async function answerWithScript(expect: ExpectStatic, page: Page, definition: Definition, answers: readonly Chosen[], reachResults = true): Promise<void> {
  await page.getByRole("button", { name: "Start now" }).click();
  await answerInPlace(expect, page, definition, answers);
  if (!reachResults) return;
  await expect.poll(() => page.locator("h1").innerText()).toBe("Your results");
  expect(await focusedTag(page)).toBe("H1");
}

async function answerInPlace(expect: ExpectStatic, page: Page, definition: Definition, answers: readonly Chosen[]): Promise<void> {
  for (const chosen of answers) {
    await expect.poll(() => page.locator("h1").innerText()).toContain(questionOf(definition, chosen[0]).question);
    expect(await focusedTag(page)).toBe("H1");
    for (const text of answerText(definition, chosen)) await page.getByLabel(text, { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
  }
}

describe.concurrent("ready reckoners with JavaScript", () => {
  it("ask each reckoner's questions in place and show the cards its answers add up to", async ({ expect }) => {
    for (const [name, answers] of [
      [
        "support-at-school",
        [
          ["has-plan", ["no"]],
          ["setting", ["school"]],
          ["talked-about-sen", ["yes"]],
          ["support-reviewed", ["no"]],
          ["making-progress", ["no"]],
        ],
      ],
      [
        "activities-and-short-breaks",
        [
          ["age", ["aged-5-to-11"]],
          ["when", ["holidays"]],
          ["needs", ["autism", "hearing"]],
          ["break", ["carer"]],
        ],
      ],
    ] as const) {
      const definition = await definitionOf(name);
      const { close, page, problems } = await watchedTab();
      await open(page, `/reckoners/${name}/`);
      // A page load would lose this mark.
      await page.evaluate(() => document.documentElement.setAttribute("data-test-mark", "same page"));
      await answerWithScript(expect, page, definition, answers);
      expect(await page.evaluate(() => document.documentElement.getAttribute("data-test-mark")), "no page loads between questions").toBe("same page");
      expect(await shownCards(page), name).toEqual(expectedCards(definition, answers));
      // The address is the results page's own, which shows the same results when reloaded.
      const shown = await shownCards(page);
      await page.reload();
      await page.waitForLoadState("networkidle");
      expect(await shownCards(page)).toEqual(shown);
      expect(await page.locator("dd.govuk-summary-list__value").allInnerTexts()).toEqual(answers.map((chosen) => answerText(definition, chosen).join(", ")));
      expect(problems).toEqual([]);
      await close();
    }
  });

  it("tells a family to choose an answer, the GOV.UK way and in the question's own words, when they continue without one", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    const ownWords = questionOf(definition, "has-plan").error!;
    expect(ownWords).toMatch(/^Select whether/);
    const { close, page } = await watchedTab();
    await open(page, "/reckoners/support-at-school/");
    await page.getByRole("button", { name: "Start now" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await summary.innerText()).toContain(ownWords);
    expect((await page.locator(".govuk-error-message").textContent())?.replace(/\s+/g, " ").trim()).toBe(`Error: ${ownWords}`);
    expect(await summary.getAttribute("data-govuk-error-summary-init"), "bound by GOV.UK Frontend's ErrorSummary").not.toBeNull();
    expect(await page.title()).toMatch(/^Error: /);
    await summary.getByRole("link").click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("radio");
    await close();
  });

  it("goes back with the earlier answer chosen, follows the browser's back button, and starts again", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    const [first, second, third] = ["has-plan", "setting", "talked-about-sen"].map((id) => questionOf(definition, id));
    const { context, page, problems } = await watchedTab(true, { ownProfile: true });
    await open(page, "/reckoners/support-at-school/");
    await acceptCookies(page);
    await answerWithScript(
      expect,
      page,
      definition,
      [
        ["has-plan", ["no"]],
        ["setting", ["school"]],
      ],
      false,
    );
    await expect.poll(() => page.locator("h1").innerText()).toContain(third!.question);
    expect(new URL(page.url()).pathname).toBe("/reckoners/support-at-school/answers/no/school/");

    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect.poll(() => page.locator("h1").innerText()).toContain(second!.question);
    expect(await page.getByLabel(answerText(definition, ["setting", ["school"]])[0]!, { exact: true }).isChecked()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/reckoners/support-at-school/answers/no/");
    expect((await cookie(context, "support-at-school-history"))?.value).toMatch(/^[0-9a-z]{6}\.no$/);

    await page.goBack();
    await expect.poll(() => page.locator("h1").innerText()).toContain(first!.question);
    await page.goForward();
    await expect.poll(() => page.locator("h1").innerText()).toContain(second!.question);

    await page.getByRole("link", { name: "Start again" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toContain(first!.question);
    expect(await page.locator("input:checked").count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/reckoners/support-at-school/answers/");
    expect((await cookie(context, "support-at-school-history"))?.value).toMatch(/^[0-9a-z]{6}\.$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("can be answered with the keyboard alone", async ({ expect }) => {
    const definition = await definitionOf("activities-and-short-breaks");
    const { context, page } = await watchedTab(true, { ownProfile: true });
    await open(page, "/reckoners/activities-and-short-breaks/");
    await acceptCookies(page);
    const tabTo = async (matches: string) => {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((selector) => document.activeElement?.matches(selector), matches)) return;
      }
      throw new Error(`Tab never reached ${matches}`);
    };
    await tabTo("[data-reckoner-start]");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedTag(page)).toBe("H1");
    await tabTo("input[type=radio]");
    await page.keyboard.press("Space"); // the first age group
    await tabTo("button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("h1").innerText()).toContain(definition.questions.find((question) => question.type === "checkboxes")!.question);
    await tabTo("input[type=checkbox]");
    await page.keyboard.press("Space"); // the first need
    await tabTo("button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedTag(page)).toBe("H1");
    await tabTo("input[type=radio]");
    await page.keyboard.press("ArrowDown"); // the second kind of break
    await tabTo("button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("h1").innerText()).toBe("Your results");
    const [age, , need, kind] = definition.questions;
    const chosen: Chosen[] = [
      [age!.id, [age!.answers[0]!.id]],
      [need!.id, [need!.answers[0]!.id]],
      [kind!.id, [kind!.answers[1]!.id]],
    ];
    expect(await shownCards(page)).toEqual(expectedCards(definition, chosen));

    // Opening a card by keyboard is remembered in the content cookie.
    await tabTo("[data-reckoner-card] a");
    const opened = await page.evaluate(() => document.activeElement?.closest("[data-reckoner-card]")?.getAttribute("data-reckoner-card"));
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/reckoners/")), page.keyboard.press("Enter")]);
    expect((await cookie(context, "activities-and-short-breaks-content"))?.value).toMatch(new RegExp(`^[0-9a-z]{6}\\.${opened}$`));
    await page.goBack();
    await expect.poll(() => page.locator(`[data-reckoner-card="${opened}"]`).innerText()).toContain("You have opened this before.");
    await context.close();
  });
});

describe.concurrent("Start now and Change links by keyboard", () => {
  const tabTo = async (page: Page, matches: string) => {
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((selector) => document.activeElement?.matches(selector), matches)) return;
    }
    throw new Error(`Tab never reached ${matches}`);
  };

  it("presses Start now with Space, as GOV.UK's Button script makes a link styled as a button do", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    const { close, page, problems } = await watchedTab();
    await open(page, "/reckoners/support-at-school/");
    const start = page.getByRole("button", { name: "Start now" });
    expect(await start.evaluate((link) => link.tagName)).toBe("A");
    expect(await start.getAttribute("draggable")).toBe("false");
    expect(await start.getAttribute("data-module")).toBe("govuk-button");
    expect(await start.getAttribute("data-govuk-button-init"), "bound by GOV.UK Frontend's Button").not.toBeNull();
    await tabTo(page, "[data-reckoner-start]");
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("h1").innerText()).toContain(questionOf(definition, "has-plan").question);
    expect(problems).toEqual([]);
    await close();
  });

  for (const width of [390, 1280]) {
    it(`at ${width} px, changes an answer from the results by keyboard and comes back to the results`, async ({ expect }) => {
      const definition = await definitionOf("activities-and-short-breaks");
      const { page, close } = await watchedTab(true, { viewport: { width, height: 900 } });
      await open(page, "/reckoners/activities-and-short-breaks/");
      const answers: Chosen[] = [
        ["age", ["aged-5-to-11"]],
        ["when", ["holidays"]],
        ["needs", ["autism"]],
        ["break", ["carer"]],
      ];
      await answerWithScript(expect, page, definition, answers);
      expect(await page.locator("h2").allInnerTexts()).toContain("Check your answers");
      const changes = page.getByRole("link", { name: /^Change your answer to: / });
      expect(await changes.count()).toBe(answers.length);

      // Change the second answer: Enter on its Change link asks that question, with the answer given chosen.
      await tabTo(page, `a[href="/reckoners/activities-and-short-breaks/answers/aged-5-to-11/"]`);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(questionOf(definition, "when").question);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("h1").innerText()).toContain(questionOf(definition, "when").question);
      expect(await focusedTag(page)).toBe("H1");
      const holidays = answerText(definition, ["when", ["holidays"]])[0]!;
      expect(await page.getByLabel(holidays, { exact: true }).isChecked()).toBe(true);
      await tabTo(page, "input[type=radio]");
      await page.keyboard.press("ArrowUp"); // from the school holidays to term time
      await tabTo(page, "button[type=submit]");
      await page.keyboard.press("Enter");

      // Straight back to the results, with the later answers kept.
      await expect.poll(() => page.locator("h1").innerText()).toBe("Your results");
      const changed: Chosen[] = [answers[0]!, ["when", ["term-time"]], answers[2]!, answers[3]!];
      expect(await page.locator("dd.govuk-summary-list__value").allInnerTexts()).toEqual(changed.map((chosen) => answerText(definition, chosen).join(", ")));
      expect(await shownCards(page)).toEqual(expectedCards(definition, changed));
      await close();
    });
  }
});

describe.concurrent("ready reckoners without JavaScript", () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px, reach the same results by following links, and show only the cards the ticks bring`, async ({ expect }) => {
      const definition = await definitionOf("activities-and-short-breaks");
      const { page, close } = await watchedTab(false, { viewport: { width, height: 900 } });
      await open(page, "/reckoners/activities-and-short-breaks/");
      await page.getByRole("button", { name: "Start now" }).click();
      const byLinks: Chosen[] = [
        ["age", ["aged-5-to-11"]],
        ["when", ["holidays"]],
        ["break", ["specialist"]],
      ];
      for (const chosen of byLinks) {
        await expect.poll(() => page.locator("h1").innerText()).toContain(questionOf(definition, chosen[0]).question);
        await page.getByRole("link", { name: answerText(definition, chosen)[0]!, exact: true }).click();
      }
      await expect.poll(() => page.locator("h1").innerText()).toBe("Your results");
      const visibleCards = () =>
        page.locator("[data-reckoner-card]:visible").evaluateAll((items) => items.map((item) => item.getAttribute("data-reckoner-card")));
      // Before any tick, only what the other answers bring; no card for a need nobody chose.
      expect(await visibleCards()).toEqual(expectedCards(definition, byLinks));
      // The needs are ticked here, as a link cannot carry ticks to the pages after them.
      const needs: Chosen = ["needs", ["autism"]];
      await page.getByLabel(answerText(definition, needs)[0]!, { exact: true }).check();
      const expected = expectedCards(definition, [...byLinks, needs]);
      expect(await visibleCards()).toEqual(expected);
      expect(expected).not.toContain("wheelchair-sports");
      expect(await page.locator('[data-reckoner-card="wheelchair-sports"]').isVisible()).toBe(false);
      await page.getByLabel(answerText(definition, ["needs", ["physical-disability"]])[0]!, { exact: true }).check();
      expect(await visibleCards()).toEqual(expectedCards(definition, [...byLinks, ["needs", ["autism", "physical-disability"]]]));
      expect(await page.locator("[data-save-button]:visible").count()).toBe(0);
      // pa11y runs the site's script, which draws results of its own, so this state is checked with
      // axe here: in a profile whose page can run axe but is sent none of the site's scripts.
      const { page: axePage, close: closeAxePage } = await watchedTab(true, { viewport: { width, height: 900 } });
      await axePage.route("**/assets/*.js", (route) => route.abort());
      await open(axePage, new URL(page.url()).pathname);
      await axePage.getByLabel(answerText(definition, needs)[0]!, { exact: true }).check();
      expect(await axeViolations(axePage)).toEqual([]);
      await closeAxePage();

      // "Check your answers" has a Change link for each answer given by a link, to that question.
      const changes = page.getByRole("link", { name: /^Change your answer to: / });
      expect(await changes.count()).toBe(byLinks.length);
      await changes.nth(1).click();
      await expect.poll(() => page.locator("h1").innerText()).toContain(questionOf(definition, "when").question);
      await close();
    });
  }

  it("says 'Select all that apply' once on a checkboxes question, with and without JavaScript", async ({ expect }) => {
    for (const javaScriptEnabled of [false, true]) {
      const { close, page } = await watchedTab(javaScriptEnabled);
      await open(page, "/reckoners/activities-and-short-breaks/answers/under-5/");
      await expect.poll(() => page.locator("input[type=checkbox]").count()).toBeGreaterThan(0);
      const hint = await page.locator("fieldset > .govuk-hint").first().innerText();
      expect(hint.match(/Select all that apply/gi), hint).toHaveLength(1);
      await close();
    }
  });
});

describe.concurrent("what ready reckoners remember", () => {
  it("keeps both cookies for expiryDays with consent, renewing them on every answer", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    const { context, page } = await watchedTab(true, { ownProfile: true });
    await open(page, "/reckoners/support-at-school/");
    await acceptCookies(page);
    await answerWithScript(expect, page, definition, [["has-plan", ["no"]]], false);
    const expected = () => Date.now() / 1000 + definition.expiryDays * 86400;
    const first = { history: await cookie(context, "support-at-school-history"), content: await cookie(context, "support-at-school-content") };
    for (const found of Object.values(first)) {
      expect(found).toBeDefined();
      expect(Math.abs(found!.expires - expected())).toBeLessThan(60);
    }
    await page.waitForTimeout(2100);
    await answerInPlace(expect, page, definition, [["setting", ["school"]]]);
    const history = await cookie(context, "support-at-school-history");
    const content = await cookie(context, "support-at-school-content");
    expect(history?.value).toMatch(/\.no\/school$/);
    expect(history!.expires - first.history!.expires).toBeGreaterThanOrEqual(1.5);
    expect(content!.expires - first.content!.expires).toBeGreaterThanOrEqual(1.5);
    expect(Math.abs(history!.expires - expected())).toBeLessThan(60);

    // Withdrawing consent on the cookies page deletes them at once.
    await open(page, "/cookies/");
    await page.getByLabel("No, do not allow feature cookies").check();
    await page.getByRole("button", { name: "Save cookie settings" }).click();
    expect((await context.cookies()).map((found) => found.name)).toEqual(["cookie-consent"]);
    await context.close();
  });

  it("stores nothing without consent, though the reckoner works in full", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    for (const choice of ["none", "reject"] as const) {
      const { context, page } = await watchedTab(true, { ownProfile: true });
      await open(page, "/reckoners/support-at-school/");
      if (choice === "reject") await page.getByRole("button", { name: "Reject feature cookies" }).click();
      const answers: Chosen[] = [
        ["has-plan", ["yes"]],
        ["plan-working", ["going-well"]],
      ];
      await answerWithScript(expect, page, definition, answers);
      expect(await shownCards(page)).toEqual(expectedCards(definition, answers));
      expect(await page.getByText("Your answers are not saved on this device.").isVisible()).toBe(true);
      await page.locator("[data-reckoner-card] a").first().click();
      expect(
        (await context.cookies()).map((found) => found.name),
        choice,
      ).toEqual(choice === "reject" ? ["cookie-consent"] : []);
      await context.close();
    }
  });

  it("offers to carry on from remembered answers, and ignores tampered ones", async ({ expect }) => {
    const { version } = JSON.parse(await readFile(path.join(session.served.site, "reckoners/support-at-school/reckoner.json"), "utf8")) as { version: string };
    const definition = await definitionOf("support-at-school");
    const { context, page, problems } = await watchedTab(true, { ownProfile: true });
    const base = { domain: new URL(session.served.base).hostname, path: "/" };
    for (const value of [`${version}.no/nowhere`, `zzzzzz.no/school`, `${version}.<script>alert(1)</script>`, `${version}.yes/going-well/extra`]) {
      await context.addCookies([
        { name: "cookie-consent", value: "v1-yes", ...base },
        { name: "support-at-school-history", value: encodeURIComponent(value), ...base },
      ]);
      await open(page, "/reckoners/support-at-school/");
      expect(await page.locator("[data-reckoner-resume]").innerText(), value).toBe("");
      expect(await cookie(context, "support-at-school-history"), value).toBeUndefined();
    }
    await context.addCookies([{ name: "support-at-school-history", value: `${version}.no/school`, ...base }]);
    await open(page, "/reckoners/support-at-school/");
    expect(await page.locator("[data-reckoner-resume]").innerText()).toContain("You answered 2 questions");
    await page.getByRole("button", { name: "Carry on where you left off" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toContain(questionOf(definition, "talked-about-sen").question);
    expect(new URL(page.url()).pathname).toBe("/reckoners/support-at-school/answers/no/school/");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.concurrent("ready reckoner results", () => {
  it("print without navigation or buttons, with each card's full address", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    const { close, page } = await watchedTab();
    await open(page, "/reckoners/support-at-school/");
    await answerWithScript(expect, page, definition, [
      ["has-plan", ["yes"]],
      ["plan-working", ["disagree"]],
    ]);
    await page.emulateMedia({ media: "print" });
    const hidden = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).display === "none");
    for (const selector of [
      ".govuk-service-navigation",
      ".govuk-breadcrumbs",
      ".govuk-back-link",
      "[data-reckoner-view] .govuk-button",
      ".govuk-cookie-banner",
    ]) {
      expect(await hidden(selector), selector).toBe(true);
    }
    const settings = parseYaml(await readFile(path.join(session.served.dir, "content/_data/settings.yaml"), "utf8")) as { baseUrl: string };
    const after = await page
      .locator("[data-reckoner-card] a")
      .first()
      .evaluate((link) => getComputedStyle(link, "::after").content);
    const href = await page.locator("[data-reckoner-card] a").first().getAttribute("href");
    expect(after).toBe(`" (${settings.baseUrl}${href})"`);
    expect(await page.locator("dl.govuk-summary-list").isVisible()).toBe(true);
    await close();
  });

  it("save a card's page with the heart", async ({ expect }) => {
    const definition = await definitionOf("support-at-school");
    const { context, page } = await watchedTab(true, { ownProfile: true });
    await open(page, "/reckoners/support-at-school/");
    await acceptCookies(page);
    await answerWithScript(expect, page, definition, [
      ["has-plan", ["yes"]],
      ["plan-working", ["disagree"]],
    ]);
    const card = page
      .locator("[data-reckoner-card]")
      .filter({ has: page.locator("[data-save-button]") })
      .first();
    const link = await card.locator("h3 a").getAttribute("href");
    await card.locator("[data-save-button]").click();
    expect(await card.locator("[data-save-button]").getAttribute("aria-pressed")).toBe("true");
    expect((await cookie(context, SAVED_PAGES_COOKIE))?.value).toContain(pageIdOf(link!));
    await open(page, "/saved-pages/");
    await expect.poll(() => page.locator("[data-saved-list] a").first().getAttribute("href")).toBe(link);
    await context.close();
  });
});

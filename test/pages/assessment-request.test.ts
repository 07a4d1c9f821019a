// "Ask for an EHC needs assessment: write your request" in Chromium: the letter a sample family's
// answers make, the form's errors, printing the letter alone, copying it (the Clipboard API and
// its fallback), its mailto: link, and nothing sent or stored; without JavaScript, the template
// with gaps. The letter's words themselves are tested in test/unit/assessment-request.test.ts.
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, it } from "vitest";
import { readSettings } from "../../src/content/data-files.ts";
import { addresseeOf } from "../../src/eleventy/assessment-request.ts";
import { letterDate } from "../../src/lib/assessment-request/answers.ts";
import { type Addressee, letterText, mailtoLink, requestLetter } from "../../src/lib/assessment-request/letter.ts";
import { sampleSiteInChromium } from "../helpers/browser.ts";

const session = sampleSiteInChromium();
const PAGE = "/ehc-plans/write-your-request/";

function addressee(): Addressee {
  const settings = readSettings(path.join(session.served.dir, "content"));
  if (!settings) throw new Error("the sample settings did not read");
  return addresseeOf(settings);
}

/** The sample family's answers, as typed. */
const FAMILY = {
  "Your full name": "Amira Khan",
  "Full name of the child or young person": "Yusuf Khan",
  Day: "14",
  Month: "2",
  Year: "2017",
  "Their nursery, school or college (optional)": "Pegs Lane Primary School",
  "What do they find hard?": "Yusuf cannot yet read simple words.\nHe leaves the classroom when it is noisy.",
};

/** What the page may have written on the device: cookies, and both kinds of web storage. */
async function stored(context: BrowserContext, page: Page): Promise<string[]> {
  const storage = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  return [...(await context.cookies()).map((cookie) => `cookie ${cookie.name}`), ...storage.map((key) => `storage ${key}`)];
}

/** Elements shown in print that are neither the letter, inside it, nor holding it. */
const printedBesideTheLetter = (page: Page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll("*")]
      .filter((element) => !element.closest(".app-letter") && !element.querySelector(".app-letter") && (element as HTMLElement).checkVisibility())
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

// Each test has its own browser context and changes nothing shared.
describe.concurrent("writing a request for an EHC needs assessment", () => {
  it("writes the family's letter in the page, prints it alone, copies it and emails it, and sends and stores nothing", async ({ expect }) => {
    const context = await session.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.served.base });
    const page = await context.newPage();
    await page.goto(`${session.served.base}${PAGE}`);
    await page.locator("[data-letter-form]").waitFor();
    expect(await page.locator("[data-letter-no-js]").isVisible()).toBe(false);
    // What the page asks for from here on, but for the site's own files (scripts, the favicon),
    // which may still be arriving on a busy machine and, asked for with no query, carry nothing.
    const sent: string[] = [];
    const ownFile = new RegExp(`^GET ${session.served.base.replace(/[.]/g, "\\.")}/assets/[\\w.-]+$`);
    page.on("request", (request) => {
      const line = `${request.method()} ${request.url()}`;
      if (!ownFile.test(line)) sent.push(line);
    });

    // Nothing filled in: GOV.UK's error summary, which takes focus, and each field's own message.
    await page.getByRole("button", { name: "Write my letter" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter your full name",
      "Select whether you are their parent, their carer or the young person",
      "Enter the full name of the child or young person",
      "Enter their date of birth",
      "Enter what they find hard",
    ]);
    expect(await page.locator("#date-of-birth-error").textContent()).toBe("Error: Enter their date of birth");
    expect(await page.getByRole("group", { name: "Their date of birth" }).getAttribute("aria-describedby")).toBe("date-of-birth-hint date-of-birth-error");
    expect(await page.title()).toMatch(/^Error: /);
    await summary.getByRole("link", { name: "Enter what they find hard" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("what-is-hard");

    for (const [label, value] of Object.entries(FAMILY)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel("Their parent", { exact: true }).check();
    await page.getByRole("button", { name: "Write my letter" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("your-letter");
    expect(await page.locator(".govuk-error-summary, .govuk-error-message, .govuk-form-group--error").count()).toBe(0);
    expect(await page.title()).not.toMatch(/^Error: /);

    const to = addressee();
    const expected = requestLetter(
      {
        yourName: "Amira Khan",
        relationship: "parent",
        childName: "Yusuf Khan",
        dateOfBirth: "14 February 2017",
        setting: "Pegs Lane Primary School",
        whatIsHard: FAMILY["What do they find hard?"],
      },
      to,
      { today: letterDate(new Date()) },
    );
    const letter = page.locator("[data-letter]");
    expect(await letter.innerText()).toBe(letterText(expected));
    expect(await letter.locator(".app-letter__gap").count()).toBe(0);

    const mail = mailtoLink(expected, to.email);
    expect(await page.getByRole("button", { name: "Email your letter" }).getAttribute("href")).toBe(mail.href);
    expect(await page.locator("[data-letter-cut-short]").isVisible()).toBe(mail.cutShort);

    await page.getByRole("button", { name: "Copy your letter" }).click();
    await expect.poll(() => page.locator("[data-letter-status]").textContent()).toBe("Your letter is copied. Paste it into an email or a document.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(letterText(expected));

    await page.emulateMedia({ media: "print" });
    expect(await letter.isVisible()).toBe(true);
    expect(await printedBesideTheLetter(page)).toEqual([]);
    await page.emulateMedia({ media: "screen" });

    expect(sent, sent.join("\n")).toEqual([]);
    expect(await stored(context, page)).toEqual([]);
    await context.close();
  });

  it("without the Clipboard API, selects the letter and copies it the old way", async ({ expect }) => {
    const context = await session.browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
    const page = await context.newPage();
    await page.goto(`${session.served.base}${PAGE}`);
    for (const [label, value] of Object.entries(FAMILY)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel("The young person, aged 16 to 25, asking for myself").check();
    await page.getByLabel("Year", { exact: true }).fill("2006");
    await page.getByRole("button", { name: "Write my letter" }).click();
    await page.getByRole("button", { name: "Copy your letter" }).click();
    await expect.poll(() => page.locator("[data-letter-status]").textContent()).toBe("Your letter is copied. Paste it into an email or a document.");
    const selected = await page.evaluate(() => getSelection()?.toString());
    expect(selected).toContain("I am asking Hartsfield County Council to carry out an education, health and care (EHC) needs assessment for me");
    expect(await stored(context, page)).toEqual([]);
    await context.close();
  });

  it("without JavaScript, shows the same letter as a template with gaps, which prints alone", async ({ expect }) => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.served.base}${PAGE}`);
    expect(await page.locator("[data-letter-form]").isVisible()).toBe(false);
    expect(await page.locator("[data-letter-no-js]").isVisible()).toBe(true);
    expect(await page.locator("[data-letter-actions]").isVisible()).toBe(false);
    const letter = page.locator("[data-letter]");
    expect(await letter.innerText()).toBe(letterText(requestLetter({}, addressee(), { template: true })));
    expect(await letter.locator(".app-letter__gap").count()).toBeGreaterThan(10);
    // The page links to the site's own EHC pages and the local SENDIASS.
    const main = page.getByRole("main");
    for (const href of [
      "/ehc-plans/asking-for-an-ehc-needs-assessment/",
      "/ehc-plans/timescales/",
      "/ehc-plans/appealing-to-the-tribunal/",
      "/services/hartsfield-sendiass/",
    ]) {
      expect(await main.locator(`a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    }
    await page.emulateMedia({ media: "print" });
    expect(await letter.isVisible()).toBe(true);
    expect(await printedBesideTheLetter(page)).toEqual([]);
    await context.close();
  });

  it("can fail: another page prints more than a letter", async ({ expect }) => {
    const page = await session.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${session.served.base}/ehc-plans/timescales/`);
    await page.emulateMedia({ media: "print" });
    expect((await printedBesideTheLetter(page)).length).toBeGreaterThan(10);
    await page.close();
  });
});

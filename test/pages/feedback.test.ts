// "Is this page useful?", "Report a problem with this page" and "Report a change to this service" in
// Chromium, served as npm start serves them (its form inbox keeps what they send, as Netlify Forms
// would). Without JavaScript each is a plain POST that ends on its thank-you page; with it, each is
// sent in place and focus moves to the confirmation, and nothing is kept on the device.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { SITE_FORMS } from "../../src/lib/forms/site-forms.ts";
import { FormInbox, type StoredSubmission } from "../../src/server/form-inbox.ts";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { readRewriteRules } from "../../src/server/netlify-rewrites.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { launchChromium } from "../helpers/browser.ts";
import { projectRoot } from "../helpers/project.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

const SERVICE = "/services/adhd-family-support-line/";

let dir: string;
let inboxFile: string;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  const { site } = await sharedSampleSite();
  dir = await mkdtemp(path.join(tmpdir(), "feedback-forms-"));
  inboxFile = path.join(dir, "form-submissions.jsonl");
  const netlifyToml = path.join(projectRoot, "netlify.toml");
  server = createStaticServer(site, readHeaderRules(netlifyToml), readRewriteRules(netlifyToml), new FormInbox(inboxFile));
  [base, browser] = await Promise.all([listen(server, 0), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What the inbox kept from one page, in the order it came. The tests run at once, each on pages of its own. */
async function storedFrom(page: string): Promise<StoredSubmission[]> {
  const text = await readFile(inboxFile, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoredSubmission)
    .filter((submission) => submission.fields.page === page);
}

/** What the browser keeps for this site: cookies, storage, and the service worker's caches. */
async function keptOnDevice(context: BrowserContext, page: Page): Promise<unknown> {
  const storage = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  return { cookies: await context.cookies(), ...storage };
}

/** The element that has focus, by what marks it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.dataset.feedbackSent !== undefined ? "confirmation" : (active?.textContent?.trim().replace(/\s+/g, " ") ?? "");
  });

describe.concurrent("feedback forms", () => {
  it("without JavaScript, send each answer as a plain POST that ends on its thank-you page, where npm start has stored it", async ({ expect }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto(`${base}/senco/`);
    await page.getByRole("button", { name: "Yes this page is useful" }).click();
    await page.waitForURL(`${base}${SITE_FORMS.pageUseful.sentUrl}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Thank you for your feedback");
    // No feedback form on the page that thanks you for it.
    expect(await page.locator("form[data-netlify]").count()).toBe(0);

    await page.goto(`${base}/senco/what-a-senco-does/`);
    await page.getByRole("button", { name: "No this page is not useful" }).click();
    await page.waitForURL(`${base}${SITE_FORMS.pageUseful.sentUrl}`);

    await page.goto(`${base}/senco/working-with-your-childs-senco/`);
    await page.getByText("Report a problem with this page").click();
    await page.getByLabel("What were you doing? (optional)").fill("Looking for the SENCO's hours");
    await page.getByLabel("What went wrong?", { exact: true }).fill("The link to the school list does not work");
    await page.getByRole("button", { name: "Send report" }).click();
    await page.waitForURL(`${base}${SITE_FORMS.pageProblem.sentUrl}`);

    await page.goto(`${base}${SERVICE}`);
    await page.getByText("Report a change to this service").click();
    await page.getByLabel("What has changed?").fill("The line is now open on Saturdays");
    await page.getByLabel("Your name").fill("A parent");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.waitForURL(`${base}${SITE_FORMS.serviceChange.sentUrl}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Thank you for telling us about a change");

    expect((await storedFrom("/senco/")).map((submission) => [submission.form, submission.fields.useful])).toEqual([["page-useful", "yes"]]);
    expect((await storedFrom("/senco/what-a-senco-does/")).map((submission) => submission.fields)).toEqual([
      { page: "/senco/what-a-senco-does/", useful: "no", "trying-to-do": "", "went-wrong": "" },
    ]);
    expect((await storedFrom("/senco/working-with-your-childs-senco/")).map((submission) => [submission.form, submission.fields])).toEqual([
      [
        "page-problem",
        { page: "/senco/working-with-your-childs-senco/", doing: "Looking for the SENCO's hours", "went-wrong": "The link to the school list does not work" },
      ],
    ]);
    const [change] = await storedFrom(SERVICE);
    expect(change!.form).toBe("service-change");
    expect(change!.fields).toMatchObject({
      service: "ADHD Family Support Line",
      "what-changed": "The line is now open on Saturdays",
      name: "A parent",
      contact: "",
    });
    expect(change!.fields["service-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await context.close();
  });

  it("with JavaScript, send each answer in place and move focus to the confirmation, keeping nothing on the device", async ({ expect }) => {
    const context = await browser.newContext();
    const page = await context.newPage();

    // Yes: sent at once.
    await page.goto(`${base}/ehc-plans/`);
    await page.getByRole("button", { name: "Yes this page is useful" }).click();
    await expect.poll(() => focused(page)).toBe("confirmation");
    expect(await page.locator("#feedback").innerText()).toMatch(/^Thank you for your feedback\s+We read every answer/);
    expect(page.url()).toBe(`${base}/ehc-plans/`);
    expect((await storedFrom("/ehc-plans/")).map((submission) => submission.fields.useful)).toEqual(["yes"]);

    // No: asks what went wrong first, and Cancel goes back to the question.
    await page.goto(`${base}/ehc-plans/timescales/`);
    const no = page.getByRole("button", { name: "No this page is not useful" });
    await no.click();
    await expect.poll(() => focused(page)).toBe("Help us improve this page");
    expect(await page.getByRole("button", { name: "No this page is not useful" }).isHidden()).toBe(true);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => focused(page)).toBe("No this page is not useful");
    expect(await page.getByLabel("What went wrong? (optional)").isHidden()).toBe(true);
    await no.click();
    await page.getByLabel("What were you trying to do? (optional)").fill("Find how long an assessment takes");
    await page.getByLabel("What went wrong? (optional)").fill("The table is hard to read on my phone");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => focused(page)).toBe("confirmation");
    expect((await storedFrom("/ehc-plans/timescales/")).map((submission) => submission.fields)).toEqual([
      {
        page: "/ehc-plans/timescales/",
        useful: "no",
        "trying-to-do": "Find how long an assessment takes",
        "went-wrong": "The table is hard to read on my phone",
      },
    ]);

    // Report a problem: what went wrong is needed, with GOV.UK's error pattern.
    await page.goto(`${base}/ehc-plans/mediation/`);
    await page.getByText("Report a problem with this page").click();
    await page.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain("govuk-error-summary");
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter what went wrong");
    expect(await page.locator("#problem-went-wrong-error").textContent()).toBe("Error: Enter what went wrong");
    expect(await page.getByLabel("What went wrong?", { exact: true }).getAttribute("aria-describedby")).toBe("problem-went-wrong-error");
    await page.getByLabel("What went wrong?", { exact: true }).fill("The phone number is out of date");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => focused(page)).toBe("confirmation");
    expect((await storedFrom("/ehc-plans/mediation/")).map((submission) => [submission.form, submission.fields["went-wrong"]])).toEqual([
      ["page-problem", "The phone number is out of date"],
    ]);

    // Report a change to a service: confirmed where the form was, and the page's own feedback stays.
    await page.goto(`${base}/services/watford-autism-family-group/`);
    await page.getByText("Report a change to this service").click();
    await page.getByLabel("What has changed?").fill("It has moved to the library");
    await page.getByLabel("Email address or phone number").fill("01632 960999");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => focused(page)).toBe("confirmation");
    expect(await page.locator(".app-service-change").innerText()).toMatch(/^Thank you for telling us about this change\s+We will check it/);
    expect(await page.getByRole("button", { name: "Yes this page is useful" }).isVisible()).toBe(true);
    const [change] = await storedFrom("/services/watford-autism-family-group/");
    expect(change!.fields).toMatchObject({ "what-changed": "It has moved to the library", name: "", contact: "01632 960999" });

    expect(await keptOnDevice(context, page)).toEqual({ cookies: [], localStorage: 0, sessionStorage: 0, indexedDB: 0, caches: 0 });
    await context.close();
  });

  it("say when an answer could not be sent, keep what was typed and send it on the next try", async ({ expect }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${base}/thank-you/**`, (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    await page.goto(`${base}/sen-support/`);
    await page.getByText("Report a problem with this page").click();
    await page.getByLabel("What went wrong?", { exact: true }).fill("Nothing loads");
    await page.getByRole("button", { name: "Send report" }).click();
    const failed = page.getByRole("alert").filter({ hasText: "Sorry, this was not sent." });
    await failed.waitFor();
    expect(await page.locator("[data-feedback-sent]").count()).toBe(0);
    expect(await page.getByLabel("What went wrong?", { exact: true }).inputValue()).toBe("Nothing loads");
    expect(await storedFrom("/sen-support/")).toEqual([]);

    await page.unrouteAll();
    await page.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => focused(page)).toBe("confirmation");
    expect((await storedFrom("/sen-support/")).map((submission) => submission.fields["went-wrong"])).toEqual(["Nothing loads"]);
    await context.close();
  });

  it("send an answer as a plain POST when the form's script cannot be fetched", async ({ expect }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/about/`);
    // The connection drops after the page has loaded: no script can be fetched any more.
    await page.route("**/*.js", (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: "Yes this page is useful" }).click();
    await expect.poll(() => page.url()).toBe(`${base}/thank-you/feedback/`);
    expect((await storedFrom("/about/")).map((submission) => submission.fields.useful)).toEqual(["yes"]);
    await context.close();
  });
});

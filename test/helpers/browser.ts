// A built copy of the sample site served like Netlify, and Debian's Chromium driven by
// playwright-core, for tests of what happens in a real browser.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { Server } from "node:http";
import path from "node:path";
import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../scripts/support/chromium.ts";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { readRewriteRules } from "../../src/server/netlify-rewrites.ts";
import { FormInbox } from "../../src/server/form-inbox.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { copyOfContent, projectRoot, runScript } from "./project.ts";
import { copyOfSampleSite, sharedSampleSite } from "./sample-site.ts";

export interface ServedSite {
  /** The folder holding content/ and the built site. */
  dir: string;
  site: string;
  base: string;
  close(): Promise<void>;
}

/** A server for the site, which takes the feedback forms' answers as npm start does, into a file of its own outside the site's folder. */
function serverFor(site: string): { server: Server; inboxFile: string } {
  // The server reads files as they are asked for, so it can start before a build and lend it its address.
  const netlifyToml = path.join(projectRoot, "netlify.toml");
  const inboxFile = path.join(tmpdir(), `local-offer-form-submissions-${randomUUID()}.jsonl`);
  return { server: createStaticServer(site, readHeaderRules(netlifyToml), readRewriteRules(netlifyToml), new FormInbox(inboxFile)), inboxFile };
}

/** The shared sample site (or, with ownCopy, a copy this test may change and rebuild), served like Netlify. */
export async function serveSampleSite(options: { ownCopy?: boolean } = {}): Promise<ServedSite> {
  const dir = options.ownCopy ? await copyOfSampleSite() : (await sharedSampleSite()).dir;
  const site = path.join(dir, "_site");
  const { server, inboxFile } = serverFor(site);
  const base = await listen(server, 0);
  return {
    dir,
    site,
    base,
    close: async () => {
      server.close();
      await rm(inboxFile, { force: true });
      if (options.ownCopy) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The sample content built by this test with `npm run build`, and served. With absoluteLinks, links
 * are written in full to the server's address, as the deployed site has them.
 */
export async function buildAndServe(options: { absoluteLinks?: boolean } = {}): Promise<ServedSite> {
  const dir = await copyOfContent();
  const site = path.join(dir, "_site");
  const { server, inboxFile } = serverFor(site);
  const base = await listen(server, 0);
  const result = await runScript("build", ["content", "_site", ...(options.absoluteLinks ? ["--site-url", base] : [])], dir);
  if (result.code !== 0) {
    server.close();
    throw new Error(`the sample site did not build:\n${result.stderr}`);
  }
  return {
    dir,
    site,
    base,
    close: async () => {
      server.close();
      await rm(inboxFile, { force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A tab that records its page's console errors, uncaught errors and dialogs as problems. */
export interface WatchedTab {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** Closes the tab, and its profile if it had one of its own. */
  close(): Promise<void>;
}

/**
 * Records a page's console errors, uncaught errors and dialogs as problems, each with the page's
 * address. With failedLoads, a file the page could not load is one too: for a copy read from disk,
 * where the server's own checks do not reach.
 */
export function watchPage(page: Page, options: { failedLoads?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`${page.url()}: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`${page.url()}: dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  if (options.failedLoads)
    page.on("requestfailed", (request) => {
      const error = request.failure()?.errorText;
      // A request cut short by moving on to another page (the browser drops a favicon it had not
      // fetched yet) is not a missing file: one of those fails with ERR_FILE_NOT_FOUND.
      if (error !== "net::ERR_ABORTED") problems.push(`${page.url()}: could not load ${request.url()} (${error})`);
    });
  return problems;
}

export interface TabOptions {
  /** A browser profile of the tab's own, with these options, for a test that needs one (see tab). */
  own?: BrowserContextOptions;
  /** For the shared profile: with scripts (the default) or without. */
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

export interface ChromiumSession {
  served: ServedSite;
  browser: Browser;
  /**
   * A watched tab. Tests that agree to no cookies share a browser profile (one with scripts and one
   * without): the site keeps nothing then, and a new profile costs more processor time than loading
   * a page in one. A test that consents, reads the profile's cookies, needs an empty cache or the
   * browser's permission to locate asks for a profile of its own.
   */
  tab(options?: TabOptions): Promise<WatchedTab>;
}

/**
 * For a test file: the sample site served, and Chromium, ready before its tests and closed after
 * them. By default the site is the one built once for the run; ownCopy gives the file a copy it
 * may change and rebuild; absoluteLinks builds one with links in full to its server's address.
 */
export function sampleSiteInChromium(options: { absoluteLinks?: boolean; ownCopy?: boolean } = {}): ChromiumSession {
  const sharedProfiles = new Map<boolean, Promise<BrowserContext>>();
  const session: ChromiumSession = {
    served: undefined as unknown as ServedSite,
    browser: undefined as unknown as Browser,
    async tab({ own, javaScriptEnabled = true, viewport } = {}) {
      const ownContext = own ? await session.browser.newContext({ javaScriptEnabled, ...own, ...(viewport ? { viewport } : {}) }) : undefined;
      // Tests running side by side may ask for a shared profile at once: the first makes it.
      if (!sharedProfiles.has(javaScriptEnabled)) sharedProfiles.set(javaScriptEnabled, session.browser.newContext({ javaScriptEnabled }));
      const context = ownContext ?? (await sharedProfiles.get(javaScriptEnabled)!);
      const page = await context.newPage();
      if (viewport && !ownContext) await page.setViewportSize(viewport);
      const problems = watchPage(page);
      return { context, page, problems, close: () => (ownContext ? ownContext.close() : page.close()) };
    },
  };
  beforeAll(async () => {
    const served = options.absoluteLinks ? buildAndServe({ absoluteLinks: true }) : serveSampleSite({ ownCopy: options.ownCopy });
    [session.served, session.browser] = await Promise.all([served, launchChromium()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.served?.close();
  });
  return session;
}

/**
 * Runs work for each item, at most atOnce at a time: for pages that mostly wait (for the network to
 * go quiet, for a timer), so that a walk over many pages takes the time of a few. When work fails
 * for one item, the others are still worked on; then the first failure is thrown.
 */
export async function forEachAtOnce<T>(items: readonly T[], atOnce: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(atOnce, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  const failed = (await Promise.allSettled(lanes)).find((lane) => lane.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * Runs work on each item in a few tabs at once, each tab going on from item to item: opening a tab
 * costs several times the processor time of loading a page in one. openTab opens a tab (in the
 * browser profile the items share) with whatever the caller listens for. A tab is left as work
 * left it, so work that needs a fresh page starts by loading one.
 */
export async function inTabs<T>(
  openTab: () => Promise<Page>,
  items: readonly T[],
  atOnce: number,
  work: (page: Page, item: T) => Promise<void>,
): Promise<void> {
  const idle: Page[] = [];
  try {
    await forEachAtOnce(items, atOnce, async (item) => {
      const page = idle.pop() ?? (await openTab());
      await work(page, item);
      idle.push(page);
    });
  } finally {
    await Promise.all(idle.map((page) => page.close()));
  }
}

/** Opens a page of the directory once the finder's script has started: the styles draw its form before then. */
export async function openFinder(page: Page, base: string, address: string): Promise<void> {
  await page.goto(`${base}${address}`);
  await page.locator("[data-finder-ready]").waitFor({ state: "attached" });
}

/** The narrowest phone screen the site is made for (WCAG 2.2 reflow: 320 CSS pixels wide). */
export const NARROWEST = { width: 320, height: 640 };

/** How far the page scrolls sideways, and the widest elements, to say what is too wide. */
export function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    widest: [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth)
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe tags its rules. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Puts axe in every page the context opens, before the page's own scripts run. Given once, it is in
 * every page of a walk, rather than sent again to each page to be read there.
 */
export async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript(axe.source);
}

/**
 * The rules that read how elements are drawn (colours, sizes, underlines) rather than the markup.
 * They take more than half of axe's time, and give the same answer wherever an element of a kind
 * appears: styles come only from the site's stylesheet by element and class, as content can carry
 * none (the sanitiser drops style attributes and the CSP refuses inline styles).
 */
export const AXE_STYLE_RULES = ["color-contrast", "target-size", "link-in-text-block"];

/**
 * What axe finds on the page as it is now, against WCAG 2.2 AA, one line per rule broken, naming the
 * elements. With withoutStyleRules, it leaves out AXE_STYLE_RULES, for a page whose kinds of element
 * are all checked with them on another page.
 */
export async function axeViolations(page: Page, options: { withoutStyleRules?: boolean } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const rules = Object.fromEntries((options.withoutStyleRules ? AXE_STYLE_RULES : []).map((rule) => [rule, { enabled: false }]));
  // axe describes only the violations in full, which is most of its time saved.
  const { violations } = await page.evaluate(
    ({ tags, rules }) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] }),
    { tags: WCAG_AA, rules },
  );
  return violations.map((violation) => `axe ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

/**
 * Does in the page what a page state's actions say, in pa11y's words (scripts/support/page-states.ts),
 * so that the states pa11y checks can be checked in other ways too.
 */
export async function runStateActions(page: Page, actions: readonly string[]): Promise<void> {
  // As pa11y does, act once the page's scripts (some fetched after it loads) have arrived: a click
  // before the directory's script has bound its buttons does nothing.
  await page.waitForLoadState("networkidle");
  for (const action of actions) {
    const click = /^click element (.+)$/.exec(action);
    const wait = /^wait for element (.+) to be visible$/.exec(action);
    const navigate = /^navigate to (.+)$/.exec(action);
    const set = /^set field (\S+) to (.*)$/.exec(action);
    const check = /^check field (.+)$/.exec(action);
    if (click) await page.locator(click[1]!).first().click();
    else if (wait) await page.locator(wait[1]!).first().waitFor();
    else if (navigate) await page.goto(navigate[1]!, { waitUntil: "networkidle" });
    else if (set) await page.locator(set[1]!).first().fill(set[2]!);
    else if (check) await page.locator(check[1]!).first().check();
    else
      throw new Error(
        `the page state's action "${action}" is not one this helper knows (click element, wait for element ... to be visible, navigate to, set field ... to, check field)`,
      );
  }
}

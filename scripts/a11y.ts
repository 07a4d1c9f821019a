// npm run a11y [siteDir] [--every-page]: pa11y-ci over the built site, with the htmlcs and axe
// runners against WCAG 2 AA, served with the same headers as Netlify. Exits non-zero on any error.
// By default it checks few pages that between them draw every kind of element any page draws, from
// the templates or from the pages' own text (scripts/support/site-pages.ts), and the states the
// scripts draw. The tests run it so, and run axe on every page in Chromium themselves
// (test/browser.test.ts). --every-page checks every page for a full audit (of the reckoners' step
// pages, only the first of each form).
import path from "node:path";
import { parseArgs } from "node:util";
import { netlifyToml, projectRoot } from "../src/project.ts";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import pa11yCi from "pa11y-ci";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { pageStates } from "./support/page-states.ts";
import { onePageOfEachKind, pageHas, pagesToCheck } from "./support/site-pages.ts";
import { FormInbox } from "../src/server/form-inbox.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "every-page": { type: "boolean", default: false } } });
const siteDir = path.resolve(positionals[0] ?? path.join(projectRoot, "_site"));
if (!existsSync(path.join(siteDir, "index.html"))) {
  console.error(`No built site in ${siteDir}. Run npm run build first.`);
  process.exit(1);
}

// The feedback forms are sent to a throwaway inbox, so their confirmation can be checked too.
const inboxDir = await mkdtemp(path.join(tmpdir(), "local-offer-a11y-forms-"));
const server = createStaticServer(siteDir, readHeaderRules(netlifyToml), [], new FormInbox(path.join(inboxDir, "form-submissions.jsonl")));
const base = await listen(server, 0);
const { pages: everyPage, reckonerSteps, sampled: sampledSteps } = await pagesToCheck(siteDir);
const kinds = values["every-page"] ? undefined : await onePageOfEachKind(siteDir);
const pages = kinds?.pages ?? everyPage;
const states = await pageStates(siteDir, base);
let failed = 0;
try {
  const report = await pa11yCi(
    [
      ...pages.map((page) => ({
        url: `${base}${page}`,
        // Pages are checked as a first visit sees them: with the cookie banner the script shows.
        actions: pageHas(siteDir, page, 'data-module="app-cookie-banner"') ? ["wait for element .govuk-cookie-banner:not([hidden]) to be visible"] : [],
      })),
      ...states.map((state) => ({ ...state, url: `${base}${state.url}` })),
    ],
    {
      // Most of a page's time is spent waiting for the network to go quiet, so several at once.
      concurrency: 4,
      standard: "WCAG2AA",
      runners: ["htmlcs", "axe"],
      reporters: [],
      timeout: 60000,
      // One shared context: a fresh incognito context per page costs more than the checks themselves.
      useIncognitoBrowserContext: false,
      chromeLaunchConfig: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    },
  );
  for (const [url, issues] of Object.entries(report.results)) {
    for (const issue of issues) {
      failed += 1;
      if (issue instanceof Error) console.error(`${url.slice(base.length)}: pa11y could not test the page: ${issue.message}`);
      else console.error(`${url.slice(base.length)}: [${issue.runner}] ${issue.code}: ${issue.message} (${issue.selector})`);
    }
  }
  const checked = kinds
    ? `${pages.length} pages (one of each kind, of ${kinds.all})`
    : `${pages.length} pages (${sampledSteps.size} of ${reckonerSteps} reckoner steps)`;
  console.log(`pa11y-ci (WCAG2AA, htmlcs and axe): ${checked} and ${states.length} page states checked, ${failed} errors.`);
} finally {
  server.close();
  await rm(inboxDir, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);

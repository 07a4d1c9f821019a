// npm run a11y [siteDir] [--every-page]: pa11y-ci over the built site, with the htmlcs and axe
// runners against WCAG 2 AA, served with the same headers as Netlify. Exits non-zero on any error.
// By default it checks one page of each kind: the first page of each template in each form it takes,
// and pages for any other markup in the pages' own text (scripts/support/site-pages.ts), and the
// states the scripts draw. The tests run it so, and run axe on every page in Chromium themselves
// (test/browser.test.ts). --every-page checks every page for a full audit (of the reckoners' step
// pages, only the first of each form).
import path from "node:path";
import { parseArgs } from "node:util";
import { netlifyToml, projectRoot } from "../src/project.ts";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import pa11yCi from "pa11y-ci";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { onePageOfEachKind, pagesToCheck } from "./support/site-pages.ts";
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
const has = (page: string, markup: string) => readFileSync(path.join(siteDir, page.endsWith("/") ? `${page}index.html` : page), "utf8").includes(markup);
const { pages: everyPage, reckonerSteps, sampled: sampledSteps } = await pagesToCheck(siteDir);
const kinds = values["every-page"] ? undefined : await onePageOfEachKind(siteDir);
const pages = kinds?.pages ?? everyPage;
/**
 * Pages in the states their scripts put them in: the directory sorted by distance, with an error
 * shown, with its filters open, filtered with the summary of filters that are on, and a category
 * page sorted and filtered; "Translate this page" open; a reckoner's question asked in place, with
 * its error; its results drawn in place, and a question asked again from their Change link; a
 * shared list offering "Save these pages"; "Is this page useful?" after No, "Report a problem" with
 * its error, an answer sent, and "Report a change to this service" with its error; and, in a browser
 * profile of their own (they agree to cookies), a page just saved, the saved list with how long it is
 * kept and the header's count, and the cookies page warning what saying no removes.
 */
const states: Array<{ url: string; actions: string[]; useIncognitoBrowserContext?: boolean }> =
  everyPage.includes("/services/") && has("/services/", 'data-module="app-service-finder"')
    ? [
        { url: "/services/?postcode=AL1+3JE", actions: ["wait for element [data-finder-results] li to be visible"] },
        { url: "/services/?postcode=ZZ1", actions: ["wait for element #finder-postcode-error to be visible"] },
        { url: "/services/", actions: ["click element [data-finder-toggle]", "wait for element #finder-filters to be visible"] },
        { url: "/services/?need=autism&free=yes&when=weekends", actions: ["wait for element [data-finder-summary] button to be visible"] },
        {
          url: "/services/category/short-breaks-and-activities/?postcode=SG1&access=step-free-access",
          actions: [
            "wait for element [data-finder-results] li to be visible",
            "click element [data-finder-toggle]",
            "wait for element #finder-filters to be visible",
          ],
        },
      ]
    : [];
// "Translate this page" open, with its list of languages each in its own language.
if (everyPage.includes("/contact/") && has("/contact/", "app-translate")) {
  states.push({ url: "/contact/", actions: ["click element .app-translate summary", "wait for element .app-translate__languages to be visible"] });
}
// The feedback after every page, in each state its script draws, and a service's "Report a change".
if (everyPage.includes("/contact/") && has("/contact/", 'data-module="app-feedback"')) {
  states.push(
    { url: "/contact/#feedback-no", actions: ["click element [data-feedback-opens]", "wait for element [data-feedback-more] to be visible"] },
    {
      url: "/contact/#feedback-problem",
      actions: [
        "click element .app-feedback__problem summary",
        "click element .app-feedback__problem button[type=submit]",
        "wait for element .app-feedback__problem .govuk-error-summary to be visible",
      ],
    },
    {
      url: "/contact/#feedback-sent",
      actions: ["click element [data-feedback-form] button[value=yes]", "wait for element [data-feedback-sent] to be visible"],
    },
  );
}
const servicePage = pages.find((page) => page.startsWith("/services/") && has(page, 'class="app-service-change"'));
if (servicePage) {
  states.push({
    url: `${servicePage}#service-change`,
    actions: [
      "click element .app-service-change summary",
      "click element .app-service-change button[type=submit]",
      "wait for element .app-service-change .govuk-error-summary to be visible",
    ],
  });
}
for (const [key, page] of sampledSteps) {
  if (key.endsWith(" links")) {
    states.push({
      url: page,
      actions: [
        "wait for element [data-reckoner-view] .govuk-radios to be visible",
        "click element [data-reckoner-view] button[type=submit]",
        "wait for element .govuk-error-summary to be visible",
      ],
    });
  } else if (key.endsWith(" results")) {
    states.push({ url: page, actions: ["wait for element [data-reckoner-actions] to be visible"] });
    // Each state is reported by the address it ends on, so no two may end on the same one.
    states.push({
      url: `${page}#change`,
      actions: [
        "wait for element [data-reckoner-actions] to be visible",
        "click element .govuk-summary-list__row:last-child .govuk-summary-list__actions a",
        "wait for element [data-reckoner-view] form to be visible",
      ],
    });
  }
}
const savedPagesList = path.join(siteDir, "saved-pages/pages.json");
const savedPageCodes = existsSync(savedPagesList) ? Object.keys(JSON.parse(readFileSync(savedPagesList, "utf8")) as Record<string, unknown>) : [];
const pageWithHeart = pages.find((page) => has(page, 'data-module="app-save-page" data-saves="this-page"'));
if (savedPageCodes.length >= 2 && pageWithHeart) {
  states.push({
    url: `/saved-pages/?p=${savedPageCodes.slice(0, 2).join(".")}`,
    actions: [
      "wait for element [data-saved-keep] to be visible",
      "click element [data-saved-keep-button]",
      "wait for element [data-saved-consent] to be visible",
    ],
  });
  const saveOne = [
    "click element button[data-cookie-choice][value=accept]",
    "click element [data-save-button]",
    "wait for element [data-save-status] a to be visible",
  ];
  const then = (url: string, ...actions: string[]) => [...saveOne, `navigate to ${base}${url}`, ...actions];
  states.push(
    { url: `${pageWithHeart}#saved`, actions: saveOne, useIncognitoBrowserContext: true },
    { url: pageWithHeart, actions: then("/saved-pages/#saved", "wait for element [data-saved-intro] to be visible"), useIncognitoBrowserContext: true },
    {
      url: pageWithHeart,
      actions: then("/cookies/#warning", "click element #feature-cookies-2", "wait for element [data-cookie-settings-warning] to be visible"),
      useIncognitoBrowserContext: true,
    },
  );
}
let failed = 0;
try {
  const report = await pa11yCi(
    [
      ...pages.map((page) => ({
        url: `${base}${page}`,
        // Pages are checked as a first visit sees them: with the cookie banner the script shows.
        actions: has(page, 'data-module="app-cookie-banner"') ? ["wait for element .govuk-cookie-banner:not([hidden]) to be visible"] : [],
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

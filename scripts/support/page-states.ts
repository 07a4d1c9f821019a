// The states the site's scripts put pages in, each as the page's address and what to do there, in
// pa11y's words for actions ("click element <selector>", "wait for element <selector> to be
// visible", "navigate to <address>"). npm run a11y checks each with pa11y-ci, and the 320 px sweep
// (test/pages/pages-for-families.test.ts) measures each for sideways scrolling.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pageHas, pagesToCheck } from "./site-pages.ts";

export interface PageState {
  /** The page's address on the site, ending with a #name where two states start on one page: each is reported by the address it ends on. */
  url: string;
  actions: string[];
  /** Run in a browser profile of its own, as it agrees to cookies. */
  useIncognitoBrowserContext?: boolean;
}

/**
 * Pages in the states their scripts put them in: the directory sorted by distance, with an error
 * shown, with its filters open, filtered with the summary of filters that are on, and a category
 * page sorted and filtered; "Translate this page" open; a reckoner's question asked in place, with
 * its error; its results drawn in place, and a question asked again from their Change link; a
 * shared list offering "Save these pages"; "Is this page useful?" after No, "Report a problem" with
 * its error, an answer sent, and "Report a change to this service" with its error; the request
 * letter's form with its errors, and the letter written; and, in a browser profile of their own
 * (they agree to cookies), the banner's question about analytics where the site counts visits, a
 * page just saved, the saved list with how long it is kept and the header's count, and the cookies
 * page warning what saying no removes.
 *
 * For the built site in siteDir, served at base, as far as it has those pages and features.
 */
export async function pageStates(siteDir: string, base: string): Promise<PageState[]> {
  const has = (page: string, markup: string) => pageHas(siteDir, page, markup);
  const { pages: everyPage, sampled: sampledSteps } = await pagesToCheck(siteDir);
  const states: PageState[] =
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
  const servicePage = everyPage.find((page) => page.startsWith("/services/") && has(page, 'class="app-service-change"'));
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
  // The request for an EHC needs assessment: the form's errors, and the letter written from its answers.
  const letterPage = "/ehc-plans/write-your-request/";
  if (everyPage.includes(letterPage) && has(letterPage, 'data-module="app-letter"')) {
    const write = "click element [data-letter-form] button[type=submit]";
    states.push(
      { url: `${letterPage}#errors`, actions: [write, "wait for element .govuk-error-summary to be visible"] },
      {
        url: `${letterPage}#letter`,
        actions: [
          "set field #your-name to Amira Khan",
          "check field #relationship",
          "set field #child-name to Yusuf Khan",
          "set field #date-of-birth-day to 14",
          "set field #date-of-birth-month to 2",
          "set field #date-of-birth-year to 2017",
          "set field #what-is-hard to Reading and writing",
          write,
          "wait for element [data-letter-actions] to be visible",
        ],
      },
    );
  }
  // Where the site counts visits: the banner's own question about analytics, after feature cookies.
  if (has("/", 'name="app-analytics"')) {
    states.push({
      url: "/#analytics-question",
      actions: ["click element button[data-cookie-choice][value=accept]", "wait for element [data-cookie-analytics-question] to be visible"],
      useIncognitoBrowserContext: true,
    });
  }
  const savedPagesList = path.join(siteDir, "saved-pages/pages.json");
  const savedPageCodes = existsSync(savedPagesList) ? Object.keys(JSON.parse(readFileSync(savedPagesList, "utf8")) as Record<string, unknown>) : [];
  const pageWithHeart = everyPage.find((page) => has(page, 'data-module="app-save-page" data-saves="this-page"'));
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
  return states;
}

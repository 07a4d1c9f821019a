// The site's browser bundle. It only adds to pages that already work without it: each feature
// binds to markup through a data-module attribute and does nothing where that markup is absent.
// GOV.UK's Button script makes Space press the links styled as buttons ("Start now"), as it does
// a button. The cookie banner is on every page, so it is here; every other
// feature is a chunk of its own, fetched only by pages that have its markup (search, a bundle of
// its own, only once someone starts to search).
import { Button, createAll, ServiceNavigation, SkipLink } from "govuk-frontend";
import { initCookieBanner } from "./cookies/cookie-banner.ts";
import { featureCookiesAllowed } from "./cookies/cookie-jar.ts";
import { CONSENT_EVENT, SAVED_PAGES_EVENT } from "./page-events.ts";
import { initSavedPagesLink } from "./saved-pages/saved-pages-link.ts";

/** The search bundle's hashed address, set by the build. */
declare const SEARCH_BUNDLE_URL: string;
type SearchBundle = typeof import("./search/search.ts");

/**
 * Saved pages for reading offline need a service worker, which is storage, so it runs only with
 * consent: it starts when consent is given, is told each change to the saved pages, and goes with
 * its caches the moment consent is withdrawn. One left from consent since withdrawn (or a consent
 * cookie since cleared) is removed when a page opens.
 */
function keepOfflineInStep(): void {
  const offlineWorker = () => import("./offline/offline-worker.ts");
  const matchConsent = () => void offlineWorker().then(({ matchOfflineToConsent }) => matchOfflineToConsent());
  document.addEventListener(CONSENT_EVENT, matchConsent);
  document.addEventListener(SAVED_PAGES_EVENT, ({ detail }) => void offlineWorker().then(({ syncSavedPages }) => syncSavedPages(detail.ids)));
  if (featureCookiesAllowed() || navigator.serviceWorker?.controller) matchConsent();
}

/**
 * The feedback forms are on every page but used on few visits, so their script is fetched only when
 * one is sent, and sends it in place.
 */
function sendFeedbackInPlace(root: HTMLElement): void {
  const send = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const submitter = event.submitter as HTMLButtonElement | null;
    void import("./feedback/feedback-form.ts").then(
      ({ submitInPlace }) => submitInPlace(root, form, submitter),
      () => {
        // Its script could not be fetched (the connection dropped, say): sent as without JavaScript.
        root.removeEventListener("submit", send);
        form.requestSubmit(submitter);
      },
    );
  };
  root.addEventListener("submit", send);
}

function enhance(): void {
  document.body.classList.add("js-enabled", "govuk-frontend-supported");
  createAll(SkipLink);
  createAll(ServiceNavigation);
  createAll(Button);

  const modules = (name: string) => document.querySelectorAll<HTMLElement>(`[data-module="${name}"]`);

  // Before anything that can record consent or save a page, so the worker hears of every change.
  keepOfflineInStep();
  for (const banner of modules("app-cookie-banner")) initCookieBanner(banner);
  for (const item of modules("app-saved-pages-link")) initSavedPagesLink(item);

  const loadSearch = () => import(SEARCH_BUNDLE_URL) as Promise<SearchBundle>;
  for (const box of modules("app-search-box")) {
    box.addEventListener(
      "focusin",
      () =>
        void loadSearch()
          .then(({ openSearch }) => openSearch())
          .catch(() => undefined),
      { once: true },
    );
  }
  for (const root of modules("app-search")) void loadSearch().then(({ initSearchPage }) => initSearchPage(root));

  for (const root of modules("app-save-page")) void import("./saved-pages/save-button.ts").then(({ initSaveButton }) => initSaveButton(root));
  for (const root of modules("app-saved-pages")) void import("./saved-pages/saved-pages-page.ts").then(({ initSavedPagesPage }) => initSavedPagesPage(root));
  for (const root of modules("app-service-finder")) void import("./services/service-finder.ts").then(({ initServiceFinder }) => initServiceFinder(root));
  for (const root of modules("app-service-distance"))
    void import("./services/service-distance.ts").then(({ initServiceDistance }) => initServiceDistance(root));
  for (const root of modules("app-reckoner")) void import("./reckoners/reckoner-tool.ts").then(({ initReckoner }) => initReckoner(root));
  for (const root of modules("app-offline-pages")) void import("./offline/offline-pages.ts").then(({ initOfflinePages }) => initOfflinePages(root));
  for (const root of modules("app-feedback")) sendFeedbackInPlace(root);
  // Usage figures, only where the settings switch analytics on: then every page has its meta tag.
  for (const meta of modules("app-analytics")) void import("./analytics/analytics.ts").then(({ initAnalytics }) => initAnalytics(meta));
  for (const root of modules("app-letter")) void import("./assessment-request/letter-builder.ts").then(({ initLetterBuilder }) => initLetterBuilder(root));
  for (const root of modules("app-cookie-settings")) void import("./cookies/cookie-settings.ts").then(({ initCookieSettings }) => initCookieSettings(root));
}

// A page saved from the browser and opened from disk reads as it is: nothing it needs is drawn by
// script, and nothing could be stored there.
if (location.protocol !== "file:") enhance();

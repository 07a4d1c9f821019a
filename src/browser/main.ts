// The site's browser bundle. It only adds to pages that already work without it: each feature
// binds to markup through a data-module attribute and does nothing where that markup is absent.
// The cookie banner is on every page, so it is here; every other feature is a chunk of its own,
// fetched only by pages that have its markup (search only once someone starts to search).
import { Button, createAll, ServiceNavigation, SkipLink } from "govuk-frontend";
import { initCookieBanner } from "./cookies/cookie-banner.ts";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
createAll(SkipLink);
createAll(ServiceNavigation);
createAll(Button);

const modules = (name: string) => document.querySelectorAll<HTMLElement>(`[data-module="${name}"]`);

for (const banner of modules("app-cookie-banner")) initCookieBanner(banner);

const loadSearch = () => import("./search/search.ts");
for (const box of modules("app-search-box")) {
  box.addEventListener("focusin", () => void loadSearch().then(({ openSearch }) => openSearch()).catch(() => undefined), { once: true });
}
for (const root of modules("app-search")) void loadSearch().then(({ initSearchPage }) => initSearchPage(root));

for (const root of modules("app-save-page")) void import("./saved-pages/save-button.ts").then(({ initSaveButton }) => initSaveButton(root));
for (const root of modules("app-saved-pages")) void import("./saved-pages/saved-pages-page.ts").then(({ initSavedPagesPage }) => initSavedPagesPage(root));
for (const root of modules("app-service-finder")) void import("./services/service-finder.ts").then(({ initServiceFinder }) => initServiceFinder(root));
for (const root of modules("app-service-distance")) void import("./services/service-distance.ts").then(({ initServiceDistance }) => initServiceDistance(root));
for (const root of modules("app-cookie-settings")) void import("./cookies/cookie-settings.ts").then(({ initCookieSettings }) => initCookieSettings(root));

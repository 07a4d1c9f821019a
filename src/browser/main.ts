// The site's browser bundle. It only adds to pages that already work without it: each feature
// binds to markup through a data-module attribute and does nothing where that markup is absent.
// Search is a bundle of its own, fetched only when someone starts to search.
import { Button, createAll, ServiceNavigation, SkipLink } from "govuk-frontend";

/** The search bundle's hashed address, set by the build. */
declare const SEARCH_BUNDLE_URL: string;
type SearchBundle = typeof import("./search/index.ts");
const loadSearch = () => import(SEARCH_BUNDLE_URL) as Promise<SearchBundle>;

document.body.classList.add("js-enabled", "govuk-frontend-supported");
createAll(SkipLink);
createAll(ServiceNavigation);
createAll(Button);

for (const box of document.querySelectorAll<HTMLFormElement>('[data-module="app-search-box"]')) {
  box.addEventListener("focusin", () => void loadSearch().then(({ openSearch }) => openSearch()).catch(() => undefined), { once: true });
}

const searchPage = document.querySelector<HTMLElement>('[data-module="app-search"]');
if (searchPage) void loadSearch().then(({ initSearchPage }) => initSearchPage(searchPage));

// The search bundle: loaded by the site bundle only when someone starts to search.
export { openSearch } from "./engine.ts";
export { initSearchPage } from "./search-page.ts";

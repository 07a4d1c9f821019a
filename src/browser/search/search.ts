// The search bundle: loaded by the site bundle only when someone starts to search, and on the
// results page as the page arrives, where it starts the page's search at once.
import { startAddressSearch } from "./search-page.ts";

export { openSearch } from "./engine.ts";
export { initSearchPage } from "./search-page.ts";

startAddressSearch();

// lunr as an ES module of its own, which the search imports only when a query needs it (see
// query-words.ts). The site's build makes it a file of its own (search-lunr.*.js, see
// src/eleventy/assets.ts); the offline copy's search script carries it inside.
import lunr from "lunr";

export default lunr;

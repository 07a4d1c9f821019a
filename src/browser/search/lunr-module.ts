// lunr as an ES module of its own, which the search imports only when a query needs it (see
// query-words.ts): so esbuild puts lunr and its CommonJS wrapper in one file, not the wrapper in a
// file the search bundle itself would have to fetch first.
import lunr from "lunr";

export default lunr;

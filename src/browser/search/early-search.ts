// The results page's early script, in place of the early script every other page loads: a small
// classic script in its head, run before the search bundle's tag is read. It does what early.ts
// does, then asks for the index's chunks the query's terms are in while the page is still arriving
// (see early-chunks.ts). One script rather than two, so the chunks are asked for once one file has
// arrived, not two. Only the results page loads it, so the early script every page loads stays
// small. A page opened from disk has no index to fetch.
import "../early.ts";
import { preloadQueryChunks } from "./early-chunks.ts";

if (location.protocol !== "file:") preloadQueryChunks();

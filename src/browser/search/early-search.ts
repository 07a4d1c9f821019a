// The results page's own early script: a small classic script in its head, run before the search
// bundle's tag is read, that asks for the index's chunks the query's words are in while the page is still
// arriving (see early-chunks.ts). Only the results page loads it, so the early script every page
// loads stays small. A page opened from disk has no index to fetch.
import { preloadQueryChunks } from "./early-chunks.ts";

if (location.protocol !== "file:") preloadQueryChunks();

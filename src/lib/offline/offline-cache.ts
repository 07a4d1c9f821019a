// What the service worker and the pages agree on. The worker keeps one cache per build, named by
// the build's version, holding that build's shell (CSS, scripts, the offline page) and the pages
// the family saved, so a cached page is only ever shown with the CSS and scripts it was built with.

import { OFFLINE_CACHE_PREFIX } from "../cookies/register.ts";

/** From the cookie register, which the cookies page also shows. */
export const CACHE_PREFIX = OFFLINE_CACHE_PREFIX;

/** Where the worker is: the site's root, so it can answer for every page. */
export const WORKER_URL = "/sw.js";

/** Served in place of any page that is not saved, when there is no connection. */
export const OFFLINE_FALLBACK_URL = "/offline/not-saved/";

/** The build's list of page codes, which turns the saved-pages cookie's codes into addresses. */
export const PAGE_LIST_URL = "/saved-pages/pages.json";

/** A page asks the worker to keep exactly the pages saved under these codes. */
export interface SyncMessage {
  type: "sync-saved-pages";
  ids: string[];
}

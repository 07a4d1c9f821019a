// The service worker, registered only with consent. It keeps this build's shell and the pages the
// family saved with the heart, and when there is no connection it serves them, or a page saying
// this page is not saved and listing those that are. Online, pages always come from the network.
import { CMS_URL } from "../../lib/cms.ts";
import { CACHE_PREFIX, OFFLINE_FALLBACK_URL, PAGE_LIST_URL, type SyncMessage } from "../../lib/offline/offline-cache.ts";

/** Set by the build: this build's version and the files every offline visit needs. */
declare const CACHE_VERSION: string;
declare const SHELL_URLS: string[];

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEvent extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const CACHE = `${CACHE_PREFIX}${CACHE_VERSION}`;
const shell = new Set(SHELL_URLS);
const isSavedPage = (pathname: string) => !shell.has(pathname) && !pathname.startsWith("/assets/");

/** The saved pages in the caches of earlier builds, to fetch again for this one. */
async function pagesInOlderCaches(): Promise<string[]> {
  const pages = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const { pathname } = new URL(request.url);
      if (isSavedPage(pathname)) pages.add(pathname);
    }
  }
  return [...pages];
}

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...shell]);
      // A new build: its copies of the saved pages, so no page is shown with another build's CSS.
      await Promise.all((await pagesInOlderCaches()).map((page) => cache.add(page).catch(() => undefined)));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

/** Keeps exactly the pages with these codes, as the heart's cookie lists them. */
async function syncSavedPages(ids: readonly string[]): Promise<void> {
  const cache = await caches.open(CACHE);
  const list = await fetch(PAGE_LIST_URL)
    .then((response) => (response.ok ? response : Promise.reject(new Error("no page list"))))
    .catch(() => cache.match(PAGE_LIST_URL));
  if (!list) return;
  const pages = (await list.clone().json()) as Record<string, [string, string, string]>;
  const wanted = new Set(ids.map((id) => pages[id]?.[0]).filter((url): url is string => typeof url === "string"));
  for (const request of await cache.keys()) {
    const { pathname } = new URL(request.url);
    if (isSavedPage(pathname) && !wanted.has(pathname)) await cache.delete(request);
  }
  for (const url of wanted) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
}

worker.addEventListener("message", (event) => {
  const message = event.data as Partial<SyncMessage> | null;
  if (message?.type === "sync-saved-pages" && Array.isArray(message.ids)) event.waitUntil(syncSavedPages(message.ids.filter((id) => typeof id === "string")));
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // The content editor is never kept or answered for offline: it talks to GitHub as it is.
  if (request.method !== "GET" || url.origin !== worker.location.origin || url.pathname.startsWith(CMS_URL)) return;
  if (request.mode === "navigate") {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const response = await fetch(request);
          // A saved page is kept up to date whenever it is read online.
          if (response.ok && (await cache.match(url.pathname))) await cache.put(url.pathname, response.clone());
          return response;
        } catch {
          return (await cache.match(url.pathname)) ?? (await cache.match(OFFLINE_FALLBACK_URL)) ?? Response.error();
        }
      })(),
    );
  } else if (url.pathname.startsWith("/assets/")) {
    // Named by content, so a cached copy is never stale.
    event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(request)) ?? fetch(request)));
  } else if (shell.has(url.pathname)) {
    event.respondWith(fetch(request).catch(async () => (await (await caches.open(CACHE)).match(url.pathname)) ?? Response.error()));
  }
});

// The page's side of the service worker: registered only with consent, told which pages are
// saved, and removed with all its caches the moment consent is withdrawn (or found missing).
import { CACHE_PREFIX, WORKER_URL, type SyncMessage } from "../../lib/offline/offline-cache.ts";
import { featureCookiesAllowed } from "../cookies/cookie-jar.ts";
import { readSavedPages } from "../saved-pages/saved-pages-store.ts";

const supported = () => "serviceWorker" in navigator && "caches" in window && window.isSecureContext;

/**
 * Registers the worker (the browser fetches a new one when a build changes it). The first time,
 * it is told which pages are saved; after that, the heart tells it of each change.
 */
async function startOfflineWorker(): Promise<void> {
  if (!supported()) return;
  const first = !(await navigator.serviceWorker.getRegistration("/"));
  await navigator.serviceWorker.register(WORKER_URL, { scope: "/" });
  if (first) await syncSavedPages(readSavedPages());
}

export async function syncSavedPages(savedIds: readonly string[]): Promise<void> {
  if (!supported()) return;
  const registration = await navigator.serviceWorker.getRegistration("/");
  if (!registration) return;
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ type: "sync-saved-pages", ids: [...savedIds] } satisfies SyncMessage);
}

/** Starts the worker with consent; without it, removes any worker and cache there is. */
export function matchOfflineToConsent(): Promise<void> {
  return (featureCookiesAllowed() ? startOfflineWorker() : removeOfflineStorage()).catch(() => undefined);
}

/** Unregisters every worker of this site and deletes every cache it made. */
async function removeOfflineStorage(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  if ("caches" in window) for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
}

/** The pages kept for reading offline, by address. */
export async function pagesAvailableOffline(): Promise<Set<string>> {
  const pages = new Set<string>();
  if (!supported()) return pages;
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX)) continue;
    for (const request of await (await caches.open(name)).keys()) pages.add(new URL(request.url).pathname);
  }
  return pages;
}

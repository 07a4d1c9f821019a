// Search in the downloadable copy of the site. Opened from disk, a browser runs no module scripts
// and fetches no files, so this is a classic script and the index comes as script files, each of
// which hands its part to localOfferSearch.receive().
import { initSearchPage } from "../search/search-page.ts";
import { ShardedSearch, type SearchTransport } from "../search/sharded-search.ts";
import { fileOf, relativeLink } from "../../lib/offline/relative-url.ts";

const waiting = new Map<string, (data: unknown) => void>();
(window as unknown as { localOfferSearch: { receive(file: string, data: unknown): void } }).localOfferSearch = {
  receive(file, data) {
    waiting.get(file)?.(data);
    waiting.delete(file);
  },
};

const scriptTransport: SearchTransport = {
  load<T>(file: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.set(file, resolve as (data: unknown) => void);
      const script = document.createElement("script");
      script.src = file.replace(/\.json$/, ".js");
      script.addEventListener("error", () => {
        waiting.delete(file);
        reject(new Error(`search file ${file} is missing from this copy`));
      });
      document.head.append(script);
    });
  },
};

let engine: Promise<ShardedSearch> | undefined;
const root = document.querySelector<HTMLElement>('[data-module="app-search"]');
if (root) {
  void initSearchPage(root, {
    open: () => (engine ??= ShardedSearch.open(scriptTransport)),
    hrefOf: (url) => relativeLink("/search/", fileOf(url)),
  });
}

// One search engine per visit, fetching the index from /search/ on this site. Started when someone
// focuses a search box or opens the search page, never before. The search page carries the
// manifest, so there only the chunks are fetched.
import { manifestInPage } from "./early-chunks.ts";
import { ShardedSearch, type SearchTransport } from "./sharded-search.ts";

const fetchTransport: SearchTransport = {
  async load<T>(file: string): Promise<T> {
    const inPage = file === "manifest.json" ? manifestInPage() : undefined;
    if (inPage) return inPage as T;
    const response = await fetch(`/search/${file}`);
    if (!response.ok) throw new Error(`search file ${file}: ${response.status}`);
    return (await response.json()) as T;
  },
};

let engine: Promise<ShardedSearch> | undefined;

export function openSearch(): Promise<ShardedSearch> {
  engine ??= ShardedSearch.open(fetchTransport).catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

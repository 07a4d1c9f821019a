// The results on /search/?q=...: the count of good matches (pages with every word that counts),
// an offer of the directory when the query names a need or type of service, then each result's
// title, section, a service's town and ages, and description with the matched words marked, ten
// at a time; results with only some of the words follow under a heading of their own. Everything
// shown is set as text, never as HTML.
import { openSearch } from "./engine.ts";
import type { RankedAnswer, SearchResult, ShardedSearch, ShownDocument } from "./sharded-search.ts";
import type { DirectoryTopic } from "../../lib/search/directory-topics.ts";
import { element } from "../dom.ts";
import { QUERY_LIMITS } from "../../lib/search/query-limits.ts";
import { NOTHING_FOUND_EVENT, RESULTS_SHOWN_MARK } from "./search-events.ts";

const PAGE_SIZE = 10;

/** Text with each word whose indexed form is one of the matched terms wrapped in <mark>. */
function marked(text: string, terms: Set<string>, engine: ShardedSearch): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of text.split(/([A-Za-z0-9’']+)/)) {
    if (part && /[A-Za-z0-9]/.test(part) && terms.has(engine.normalise(part))) fragment.append(element("mark", undefined, part));
    else fragment.append(part);
  }
  return fragment;
}

/** Where the page gets its engine, and how a page's address becomes a link (the offline copy's are relative files). */
interface SearchPageOptions {
  open(): Promise<ShardedSearch>;
  hrefOf(url: string): string;
}

const ONLINE: SearchPageOptions = { open: openSearch, hrefOf: (url) => url };

function resultItem(
  { url, title, section, description, details }: ShownDocument,
  result: SearchResult,
  engine: ShardedSearch,
  hrefOf: (url: string) => string,
  headingLevel: "h2" | "h3",
): HTMLLIElement {
  const terms = new Set(result.terms);
  const item = element("li", "app-search-results__item app-card-list__item");
  const heading = element(headingLevel, "govuk-heading-s govuk-!-margin-bottom-1");
  const link = element("a", "govuk-link");
  link.href = hrefOf(url);
  link.append(marked(title, terms, engine));
  heading.append(link);
  item.append(heading);
  if (section) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1 app-search-results__section", section));
  if (details) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1 app-search-results__details", details));
  const summary = element("p", "govuk-body govuk-!-margin-bottom-0");
  summary.append(marked(description, terms, engine));
  item.append(summary);
  return item;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Autism" → "autism", but "ADHD" stays as it is. */
const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

/** Links to the directory filtered by each need or type of service the query names. */
function directoryOffer(topics: readonly DirectoryTopic[], hrefOf: (url: string) => string): HTMLElement[] {
  return topics.map(([kind, id, name]) => {
    const paragraph = element("p", "govuk-body");
    const link = (text: string, href: string) => Object.assign(element("a", "govuk-link", text), { href });
    if (kind === "need") {
      paragraph.append(link(`Find services for ${inSentence(name)}`, `${hrefOf("/services/")}?need=${encodeURIComponent(id)}`), " in the directory.");
    } else {
      paragraph.append(
        link(`Find ${inSentence(name)} near you`, `${hrefOf("/services/")}?category=${encodeURIComponent(id)}`),
        " in the directory, or see ",
        link(`all ${inSentence(name)}`, hrefOf(`/services/category/${id}/`)),
        ".",
      );
    }
    return paragraph;
  });
}

/** What the status says: how many good matches, and how many match only some of the words. */
function countText({ results, good, corrected }: RankedAnswer, query: string): string {
  const quoted = `‘${query.trim()}’`;
  if (results.length === 0) return `No results for ${quoted}.`;
  const searched = corrected ? `‘${corrected}’, the closest words to ${quoted}` : quoted;
  const partial = results.length - good;
  if (good === 0) return `No good matches for ${searched}. ${plural(partial, "result matches", "results match")} some of your words.`;
  const goodText = `${plural(good, "good match", "good matches")} for ${searched}`;
  return partial === 0 ? goodText : `${goodText}, and ${plural(partial, "result that matches", "results that match")} some of your words`;
}

/** The query in the page's address, as the results page searches it. */
const addressQuery = () => (new URLSearchParams(window.location.search).get("q") ?? "").slice(0, QUERY_LIMITS.length);

/**
 * On the results page, starts its search as the search bundle arrives, while the page is still
 * arriving (the bundle is an async script there), and shows it as soon as the page is parsed: the
 * index's files are fetched beside the rest of the page, and the results drawn before the site
 * bundle runs, not a round trip and a task after it has run and imported this. Failures are left
 * for initSearchPage to report.
 */
export function startAddressSearch(): void {
  if (window.location.pathname !== "/search/") return;
  const query = addressQuery();
  if (query.trim() !== "") {
    void openSearch()
      .then((engine) => engine.answerOnce(query))
      .catch(() => undefined);
  }
  const init = () => {
    const root = document.querySelector<HTMLElement>('[data-module="app-search"]');
    if (root) void initSearchPage(root);
  };
  // "interactive" comes as parsing ends, before the site bundle (a deferred script) runs.
  if (document.readyState === "loading") document.addEventListener("readystatechange", init, { once: true });
  else init();
}

export async function initSearchPage(root: HTMLElement, options: SearchPageOptions = ONLINE): Promise<void> {
  const query = addressQuery();
  const input = root.querySelector<HTMLInputElement>("[data-search-input]");
  const fallback = root.querySelector<HTMLElement>("[data-search-fallback]");
  const results = root.querySelector<HTMLElement>("[data-search-results]");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const suggestion = root.querySelector<HTMLElement>("[data-search-suggestion]");
  const directory = root.querySelector<HTMLElement>("[data-search-directory]");
  const list = root.querySelector<HTMLOListElement>("[data-search-list]");
  const partial = root.querySelector<HTMLElement>("[data-search-partial]");
  const partialList = root.querySelector<HTMLOListElement>("[data-search-partial-list]");
  const more = root.querySelector<HTMLButtonElement>("[data-search-more]");
  const help = root.querySelector<HTMLElement>("[data-search-help]");
  if (!input || !fallback || !results || !status || !suggestion || !directory || !list || !partial || !partialList || !more || !help) return;
  // Once a page: the search bundle starts it on the results page, and the site bundle asks again.
  if (root.dataset.searchStarted !== undefined) return;
  root.dataset.searchStarted = "";

  fallback.hidden = true;
  results.hidden = false;
  input.value = query;
  if (query.trim() === "") {
    status.textContent = "Enter words to search for, such as EHC plan or autism support group.";
    input.focus();
    return;
  }
  status.textContent = "Searching…";

  let engine: ShardedSearch;
  let answer: RankedAnswer;
  try {
    engine = await options.open();
    answer = await engine.answerOnce(query);
  } catch {
    // A file of the index that did not arrive (offline, or a new build replaced it): never leave "Searching…".
    status.textContent = "Search is not working at the moment. Try again, or use the A to Z.";
    help.hidden = false;
    return;
  }

  const { results: found, good, corrected } = answer;
  if (corrected) {
    suggestion.replaceChildren("Did you mean ", Object.assign(element("a", "govuk-link", corrected), { href: `?q=${encodeURIComponent(corrected)}` }), "?");
    suggestion.hidden = false;
  }
  const offers = directoryOffer(engine.directoryTopics(corrected ?? query), options.hrefOf);
  directory.replaceChildren(...offers);
  directory.hidden = offers.length === 0;
  status.textContent = countText(answer, query);
  help.hidden = found.length > 0;
  // Counted, where the site counts visits and the family agreed, so editors see what families look
  // for: announced, and marked on the page for analytics code that starts after this.
  if (found.length === 0) {
    performance.mark(RESULTS_SHOWN_MARK);
    root.dataset.nothingFound = query;
    document.dispatchEvent(new CustomEvent(NOTHING_FOUND_EVENT, { detail: { query } }));
  }

  let shown = 0;
  const append = (page: readonly SearchResult[], records: readonly ShownDocument[]) => {
    const items = records.map((record, index) => {
      const isGood = shown + index < good;
      const item = resultItem(record, page[index]!, engine, options.hrefOf, isGood ? "h2" : "h3");
      (isGood ? list : partialList).append(item);
      return item;
    });
    if (shown === 0 && records.length > 0) performance.mark(RESULTS_SHOWN_MARK);
    shown += records.length;
    partial.hidden = partialList.childElementCount === 0;
    return items;
  };
  const showMore = async (moveFocus: boolean) => {
    more.hidden = true;
    const page = found.slice(shown, shown + PAGE_SIZE);
    const refs = page.map((result) => result.ref);
    // The results whose records came with the index's chunks at once, in order; the rest as their record files arrive.
    const atHand = engine.documentsAtHand(refs);
    const items = append(page, atHand);
    if (atHand.length < page.length) items.push(...append(page.slice(atHand.length), await engine.documents(refs.slice(atHand.length))));
    more.hidden = shown >= found.length;
    if (moveFocus) items[0]?.querySelector("a")?.focus();
  };
  more.addEventListener("click", () => void showMore(true));
  await showMore(false);
}

// The results on /search/?q=...: count, then each result's title, section and description with
// the matched words marked, ten at a time. Everything shown is set as text, never as HTML.
import { openSearch } from "./engine.ts";
import type { SearchResult, ShardedSearch, ShownDocument } from "./sharded-search.ts";
import { element } from "../dom.ts";

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
  { url, title, section, description }: ShownDocument,
  result: SearchResult,
  engine: ShardedSearch,
  hrefOf: (url: string) => string,
): HTMLLIElement {
  const terms = new Set(result.terms);
  const item = element("li", "app-search-results__item app-card-list__item");
  const heading = element("h2", "govuk-heading-s govuk-!-margin-bottom-1");
  const link = element("a", "govuk-link");
  link.href = hrefOf(url);
  link.append(marked(title, terms, engine));
  heading.append(link);
  item.append(heading);
  if (section) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1 app-search-results__section", section));
  const summary = element("p", "govuk-body govuk-!-margin-bottom-0");
  summary.append(marked(description, terms, engine));
  item.append(summary);
  return item;
}

export async function initSearchPage(root: HTMLElement, options: SearchPageOptions = ONLINE): Promise<void> {
  const query = (new URLSearchParams(window.location.search).get("q") ?? "").slice(0, 200);
  const input = root.querySelector<HTMLInputElement>("[data-search-input]");
  const fallback = root.querySelector<HTMLElement>("[data-search-fallback]");
  const results = root.querySelector<HTMLElement>("[data-search-results]");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const suggestion = root.querySelector<HTMLElement>("[data-search-suggestion]");
  const list = root.querySelector<HTMLOListElement>("[data-search-list]");
  const more = root.querySelector<HTMLButtonElement>("[data-search-more]");
  const help = root.querySelector<HTMLElement>("[data-search-help]");
  if (!input || !fallback || !results || !status || !suggestion || !list || !more || !help) return;

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
  let answer: { results: SearchResult[]; corrected?: string };
  try {
    engine = await options.open();
    answer = await engine.searchWithCorrection(query);
  } catch {
    // A file of the index that did not arrive (offline, or a new build replaced it): never leave "Searching…".
    status.textContent = "Search is not working at the moment. Try again, or use the A to Z.";
    help.hidden = false;
    return;
  }

  const { results: found, corrected } = answer;
  if (corrected) {
    suggestion.replaceChildren("Did you mean ", Object.assign(element("a", "govuk-link", corrected), { href: `?q=${encodeURIComponent(corrected)}` }), "?");
    suggestion.hidden = false;
  }

  const count = found.length;
  const quoted = `‘${query.trim()}’`;
  status.textContent =
    count === 0
      ? `No results for ${quoted}.`
      : suggestion.hidden
        ? `${count} result${count === 1 ? "" : "s"} for ${quoted}`
        : `${count} result${count === 1 ? "" : "s"} for ‘${corrected}’, the closest words to ${quoted}`;
  help.hidden = count > 0;

  let shown = 0;
  const showMore = async (moveFocus: boolean) => {
    const page = found.slice(shown, shown + PAGE_SIZE);
    const records = await engine.documents(page.map((result) => result.ref));
    const items = page.map((result, index) => resultItem(records[index]!, result, engine, options.hrefOf));
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= found.length;
    if (moveFocus) items[0]?.querySelector("a")?.focus();
  };
  more.addEventListener("click", () => void showMore(true));
  await showMore(false);
}

// The page the service worker shows, with no connection, in place of a page that is not saved:
// a list of the pages that are, by title, from the build's list of page codes.
import { PAGE_LIST_URL } from "../../lib/offline/offline-cache.ts";
import { element } from "../dom.ts";
import { pagesAvailableOffline } from "./offline-worker.ts";

export async function initOfflinePages(root: HTMLElement): Promise<void> {
  const list = root.querySelector<HTMLUListElement>("[data-offline-list]");
  const none = root.querySelector<HTMLElement>("[data-offline-none]");
  if (!list || !none) return;
  const available = await pagesAvailableOffline();
  type PageList = Record<string, [string, string, string]>;
  const pages: PageList = await fetch(PAGE_LIST_URL)
    .then((response) => (response.ok ? (response.json() as Promise<PageList>) : {}))
    .catch(() => ({}));
  const saved = Object.values(pages)
    .filter(([url]) => available.has(url))
    .sort((a, b) => a[1].localeCompare(b[1], "en-GB"));
  list.replaceChildren(
    ...saved.map(([url, title, section]) => {
      const item = element("li", "app-card-list__item");
      const heading = element("h2", "govuk-heading-s govuk-!-margin-bottom-1");
      heading.append(element("a", "govuk-link", title, { href: url }));
      item.append(heading);
      if (section) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-0", section));
      return item;
    }),
  );
  list.hidden = saved.length === 0;
  none.hidden = saved.length > 0;
}

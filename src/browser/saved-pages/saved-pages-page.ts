// /saved-pages/: the pages saved on this device, or a list someone shared (?p=codes), titled for
// what it is and shown without storing anything until the recipient chooses "Save these pages"
// (consent first, as the heart asks it). Titles and sections come from the build's list of page
// codes; codes of pages that no longer exist are dropped quietly.
import { decodePageIds, encodePageIds, MAX_SAVED_PAGES } from "../../lib/saved-pages/page-ids.ts";
import { featureCookiesAllowed, recordConsent } from "../cookies/cookie-jar.ts";
import { keptUntilText, readSavedPages, writeSavedPages } from "./saved-pages-store.ts";
import { element } from "../dom.ts";

/** Page code → [address, title, section], written by the build. */
type PageList = Record<string, [string, string, string]>;

async function loadPageList(): Promise<PageList> {
  const response = await fetch("/saved-pages/pages.json");
  if (!response.ok) throw new Error(`saved pages list: ${response.status}`);
  return (await response.json()) as PageList;
}

export async function initSavedPagesPage(root: HTMLElement): Promise<void> {
  const list = root.querySelector<HTMLUListElement>("[data-saved-list]");
  const intro = root.querySelector<HTMLElement>("[data-saved-intro]");
  const actions = root.querySelector<HTMLElement>("[data-saved-actions]");
  const status = root.querySelector<HTMLElement>("[data-saved-status]");
  const shareField = root.querySelector<HTMLInputElement>("[data-saved-share-link]");
  if (!list || !intro || !actions || !status || !shareField) return;
  for (const noScript of root.querySelectorAll<HTMLElement>("[data-saved-no-js]")) noScript.hidden = true;

  const shared = new URLSearchParams(location.search).get("p");
  if (shared !== null) nameSharedList(root);
  let pages: PageList;
  try {
    pages = await loadPageList();
  } catch {
    intro.textContent = "Your saved pages could not be loaded. Check your connection and reload the page.";
    intro.hidden = false;
    return;
  }
  const known = (ids: string[]) => ids.filter((id) => Object.hasOwn(pages, id));
  // Which saved pages the offline worker keeps (it runs only with consent).
  const offline =
    featureCookiesAllowed() && shared === null
      ? await import("../offline/offline-worker.ts").then(({ pagesAvailableOffline }) => pagesAvailableOffline())
      : new Set<string>();
  let ids = known(shared !== null ? decodePageIds(shared) : readSavedPages());
  if (shared === null && featureCookiesAllowed() && ids.length !== readSavedPages().length) writeSavedPages(ids);

  /** Where focus goes when the list it was in has gone. */
  const focusHeading = () => {
    const heading = root.querySelector<HTMLElement>("h1");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  };
  const say = (text: string) => {
    status.textContent = text;
  };
  const render = () => {
    list.replaceChildren(
      ...ids.map((id) => {
        const [url, title, section] = pages[id]!;
        const item = element("li", "app-card-list__item app-saved-pages__item");
        const heading = element("h2", "govuk-heading-s govuk-!-margin-bottom-1");
        const link = element("a", "govuk-link", title);
        link.href = url;
        heading.append(link);
        item.append(heading);
        if (section) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", section));
        if (offline.has(url)) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1 app-saved-pages__offline", "Available offline"));
        if (shared === null) {
          const remove = element("button", "govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-saved-pages__remove", "Remove");
          remove.type = "button";
          remove.append(element("span", "govuk-visually-hidden", ` ${title} from your saved pages`));
          remove.addEventListener("click", () => {
            const position = ids.indexOf(id);
            ids = ids.filter((other) => other !== id);
            writeSavedPages(ids);
            render();
            say(`Removed ${title}.`);
            // Focus goes to the next page's remove button, or the previous one's, or the heading.
            const buttons = list.querySelectorAll<HTMLButtonElement>(".app-saved-pages__remove");
            const next = buttons[Math.min(position, buttons.length - 1)];
            if (next) next.focus();
            else focusHeading();
          });
          item.append(remove);
        }
        return item;
      }),
    );
    const share = new URL("/saved-pages/", location.href);
    share.searchParams.set("p", encodePageIds(ids));
    shareField.value = share.href;
    actions.hidden = ids.length === 0;
    intro.hidden = false;
    if (shared !== null)
      intro.textContent = ids.length
        ? "Someone shared this list of pages with you. Nothing has been saved on this device."
        : "The shared link has no pages that are still on this site.";
    else if (!featureCookiesAllowed())
      intro.textContent = "This site can only remember pages if you allow feature cookies. You can change your cookie settings on the cookies page.";
    else
      intro.textContent = ids.length
        ? `You have saved ${ids.length} page${ids.length === 1 ? "" : "s"} on this device. They are ${keptUntilText()}.`
        : "You have not saved any pages yet. Press ‘Save this page’ on any page to keep it here.";
  };
  render();
  if (shared !== null && ids.length > 0) offerToKeep(root, ids, say);

  root.querySelector<HTMLButtonElement>("[data-saved-print]")?.addEventListener("click", () => window.print());
  const copy = () =>
    navigator.clipboard
      .writeText(shareField.value)
      .then(() => say("Link copied. Anyone you send it to will see this list."))
      .catch(() => {
        shareField.focus();
        shareField.select();
        say("Your browser did not let us copy the link. It is selected in the box: copy it from there.");
      });
  const copyButton = root.querySelector<HTMLButtonElement>("[data-saved-copy]");
  copyButton?.addEventListener("click", () => void copy());
  // A phone's own share sheet (messages, email, WhatsApp) where the browser has one; copying otherwise.
  const shareButton = root.querySelector<HTMLButtonElement>("[data-saved-share]");
  if (shareButton && typeof navigator.share === "function") {
    shareButton.hidden = false;
    copyButton?.remove();
    shareButton.addEventListener("click", () => {
      navigator.share({ title: document.title, text: "Pages from the Local Offer", url: shareField.value }).catch((error: unknown) => {
        // Closing the sheet is a choice, not a failure.
        if (!(error instanceof DOMException && error.name === "AbortError")) void copy();
      });
    });
  }
  const clear = root.querySelector<HTMLButtonElement>("[data-saved-clear]");
  if (shared !== null) clear?.remove();
  clear?.addEventListener("click", () => {
    ids = [];
    writeSavedPages(ids);
    render();
    say("All your saved pages have been removed.");
    focusHeading();
  });
}

/** A shared list is someone else's: its heading and the tab's title say so. */
function nameSharedList(root: HTMLElement): void {
  const heading = root.querySelector<HTMLElement>("h1");
  if (!heading) return;
  const own = heading.textContent ?? "";
  heading.textContent = "Pages shared with you";
  document.title = document.title.replace(own, heading.textContent);
}

/** "Save these pages" on a shared list: with consent, adds them to this device's own list. */
function offerToKeep(root: HTMLElement, shared: readonly string[], say: (text: string) => void): void {
  const keep = root.querySelector<HTMLElement>("[data-saved-keep]");
  const button = root.querySelector<HTMLButtonElement>("[data-saved-keep-button]");
  const consent = root.querySelector<HTMLElement>("[data-saved-consent]");
  const allow = root.querySelector<HTMLButtonElement>("[data-saved-allow]");
  if (!keep || !button || !consent || !allow) return;
  const save = () => {
    const own = readSavedPages();
    const all = [...new Set([...own, ...shared])].slice(0, MAX_SAVED_PAGES);
    writeSavedPages(all);
    const added = all.length - own.length;
    const left = shared.filter((id) => !all.includes(id)).length;
    say(
      `${added === 0 ? "These pages were already saved" : `Saved ${added} page${added === 1 ? "" : "s"}`} on this device. Your saved pages are ${keptUntilText()}.` +
        (left > 0 ? ` ${left} could not be saved, as this site can remember ${MAX_SAVED_PAGES} pages at most.` : ""),
    );
  };
  button.addEventListener("click", () => {
    if (featureCookiesAllowed()) {
      save();
      return;
    }
    consent.hidden = false;
    consent.focus();
  });
  allow.addEventListener("click", () => {
    recordConsent(true);
    consent.hidden = true;
    save();
    button.focus();
  });
  keep.hidden = false;
}

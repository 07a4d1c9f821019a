// "Saved pages (3)" in the header's navigation: drawn only once something is saved, which needs
// consent, so the way back to saved pages is on every page without showing anything before it.
// Part of the site script rather than a chunk, as every page has it and it is small.
import { CONSENT_EVENT, SAVED_PAGES_EVENT } from "../page-events.ts";
import { readSavedPages } from "./saved-pages-store.ts";

export function initSavedPagesLink(item: HTMLElement): void {
  const count = item.querySelector<HTMLElement>("[data-saved-count]");
  if (!count) return;
  const render = () => {
    const saved = readSavedPages().length;
    count.textContent = String(saved);
    item.hidden = saved === 0;
  };
  document.addEventListener(SAVED_PAGES_EVENT, render);
  document.addEventListener(CONSENT_EVENT, render);
  render();
}

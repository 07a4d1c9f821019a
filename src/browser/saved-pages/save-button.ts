// The heart on information pages and services. Without consent it saves nothing: it explains why
// and offers, in place, to allow feature cookies and save the page with one press.
import { MAX_SAVED_PAGES } from "../../lib/saved-pages/page-ids.ts";
import { featureCookiesAllowed, recordConsent } from "../cookies/cookie-jar.ts";
import { CONSENT_EVENT } from "../page-events.ts";
import { keptUntilText, readSavedPages, writeSavedPages } from "./saved-pages-store.ts";

/** Text and, when given, a link after it: built as DOM nodes, never as HTML. */
function message(text: string, link?: { text: string; href: string }): Node[] {
  const nodes: Node[] = [document.createTextNode(text)];
  if (link) {
    const anchor = document.createElement("a");
    anchor.className = "govuk-link";
    anchor.href = link.href;
    anchor.textContent = link.text;
    nodes.push(document.createTextNode(" "), anchor);
  }
  return nodes;
}

export function initSaveButton(root: HTMLElement): void {
  const id = root.dataset.pageId ?? "";
  const button = root.querySelector<HTMLButtonElement>("[data-save-button]");
  const label = root.querySelector<HTMLElement>("[data-save-label]");
  const consent = root.querySelector<HTMLElement>("[data-save-consent]");
  const allow = root.querySelector<HTMLButtonElement>("[data-save-allow]");
  const status = root.querySelector<HTMLElement>("[data-save-status]");
  if (!/^[0-9a-z]{6}$/.test(id) || !button || !label || !consent || !allow || !status) return;

  const say = (...nodes: Node[]) => status.replaceChildren(...nodes);
  const render = () => {
    const saved = readSavedPages().includes(id);
    button.setAttribute("aria-pressed", String(saved));
    label.textContent = saved ? (root.dataset.labelSaved ?? "Saved") : (root.dataset.labelSave ?? "Save this page");
  };
  const toggle = () => {
    const saved = readSavedPages();
    if (saved.includes(id)) {
      writeSavedPages(saved.filter((other) => other !== id));
      say(...message("Removed from your saved pages."));
    } else if (saved.length >= MAX_SAVED_PAGES) {
      say(
        ...message(`You have saved ${MAX_SAVED_PAGES} pages, the most this site can remember. Remove one to save this page.`, {
          text: "Your saved pages",
          href: "/saved-pages/",
        }),
      );
    } else {
      writeSavedPages([...saved, id]);
      say(...message(`Saved on this device, ${keptUntilText()}.`, { text: "See your saved pages", href: "/saved-pages/" }));
    }
    render();
  };

  button.addEventListener("click", () => {
    if (featureCookiesAllowed()) {
      toggle();
      return;
    }
    say();
    consent.hidden = false;
    consent.focus();
  });
  allow.addEventListener("click", () => {
    recordConsent(true);
    consent.hidden = true;
    toggle();
    button.focus();
  });
  document.addEventListener(CONSENT_EVENT, () => {
    if (featureCookiesAllowed()) consent.hidden = true;
    render();
  });
  render();
  root.hidden = false;
}

// The form on /cookies/: change the choice at any time, of feature cookies and, where the site counts
// visits, of analytics, each on its own. Saying no deletes every feature cookie at once,
// so choosing "no" while pages are saved or a question tool remembers answers first warns, with
// how many, what will go; the warning comes before the choice is saved and does not replace it.
// Saying no to analytics deletes the provider's cookies at once.
import { registerEntryFor } from "../../lib/cookies/register.ts";
import { readSavedPages } from "../saved-pages/saved-pages-store.ts";
import { featureCookieNames, readConsent, recordConsent } from "./cookie-jar.ts";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What saying no would remove, in words, or undefined when nothing is kept. */
function whatWouldGo(): string | undefined {
  const pages = readSavedPages().length;
  const tools = featureCookieNames().filter((name) => registerEntryFor(name)?.name === "<reckoner>-history").length;
  const kept = [
    pages > 0 ? `your ${plural(pages, "saved page", "saved pages")}` : "",
    tools > 0 ? `your answers in ${plural(tools, "question tool", "question tools")}` : "",
  ].filter(Boolean);
  return kept.length ? `Saying no removes ${kept.join(" and ")} from this device straight away.` : undefined;
}

export function initCookieSettings(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("[data-cookie-settings-form]");
  const saved = root.querySelector<HTMLElement>("[data-cookie-settings-saved]");
  const warning = root.querySelector<HTMLElement>("[data-cookie-settings-warning]");
  const warningText = root.querySelector<HTMLElement>("[data-cookie-settings-warning-text]");
  const submit = form?.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!form || !saved || !warning || !warningText || !submit) return;
  const consent = readConsent();
  const check = (name: string, agreed: boolean | undefined) => {
    for (const radio of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) radio.checked = radio.value === (agreed ? "yes" : "no");
  };
  check("feature-cookies", consent?.feature);
  // Only where the site counts visits: the question is in the form only then.
  const asksAnalytics = form.querySelector('input[name="analytics"]') !== null;
  check("analytics", consent?.analytics);
  for (const noScript of root.querySelectorAll<HTMLElement>("[data-cookie-settings-no-js]")) noScript.hidden = true;
  form.hidden = false;

  const chosen = (name = "feature-cookies") => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  /** The warning shows, and the button says it, while "no" would remove something. */
  const warn = () => {
    const text = chosen() === "no" ? whatWouldGo() : undefined;
    warningText.textContent = text ?? "";
    warning.hidden = text === undefined;
    if (text) submit.setAttribute("aria-describedby", "cookie-settings-warning");
    else submit.removeAttribute("aria-describedby");
  };
  form.addEventListener("change", warn);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    recordConsent(chosen() === "yes", asksAnalytics ? chosen("analytics") === "yes" : undefined);
    warn();
    saved.hidden = false;
    saved.focus();
  });
}

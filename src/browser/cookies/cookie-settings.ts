// The form on /cookies/: change the choice at any time. Saying no deletes every feature cookie at once,
// so choosing "no" while pages are saved or a question tool remembers answers first warns, with
// how many, what will go; the warning comes before the choice is saved and does not replace it.
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
  const choice = readConsent()?.feature ? "yes" : "no";
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="feature-cookies"]')) radio.checked = radio.value === choice;
  for (const noScript of root.querySelectorAll<HTMLElement>("[data-cookie-settings-no-js]")) noScript.hidden = true;
  form.hidden = false;

  const chosen = () => form.querySelector<HTMLInputElement>('input[name="feature-cookies"]:checked')?.value;
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
    recordConsent(chosen() === "yes");
    warn();
    saved.hidden = false;
    saved.focus();
  });
}

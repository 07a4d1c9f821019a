// The form on /cookies/: change the choice at any time. Saying no deletes every feature cookie at once.
import { readConsent, recordConsent } from "./cookie-jar.ts";

export function initCookieSettings(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("[data-cookie-settings-form]");
  const saved = root.querySelector<HTMLElement>("[data-cookie-settings-saved]");
  if (!form || !saved) return;
  const choice = readConsent()?.feature ? "yes" : "no";
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="feature-cookies"]')) radio.checked = radio.value === choice;
  for (const noScript of root.querySelectorAll<HTMLElement>("[data-cookie-settings-no-js]")) noScript.hidden = true;
  form.hidden = false;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="feature-cookies"]:checked');
    recordConsent(chosen?.value === "yes");
    saved.hidden = false;
    saved.focus();
  });
}

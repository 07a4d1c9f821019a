// The GOV.UK cookie banner: shown only to people who have not chosen under the current policy.
// Accepting or rejecting swaps the question for a confirmation, which takes focus.
import { CONSENT_EVENT } from "../page-events.ts";
import { readConsent, recordConsent } from "./cookie-jar.ts";

export function initCookieBanner(banner: HTMLElement): void {
  // The head script made room for the banner if there was no consent cookie; from here on the
  // banner's own hidden attribute says whether it shows.
  document.documentElement.classList.remove("app-cookie-choice-needed");
  if (readConsent()) return;
  const question = banner.querySelector<HTMLElement>("[data-cookie-question]");
  if (!question) return;
  banner.hidden = false;

  let answeredHere = false;
  for (const button of banner.querySelectorAll<HTMLButtonElement>("[data-cookie-choice]")) {
    button.addEventListener("click", () => {
      answeredHere = true;
      recordConsent(button.value === "accept");
      question.hidden = true;
      const confirmation = banner.querySelector<HTMLElement>(`[data-cookie-confirmation="${button.value === "accept" ? "accept" : "reject"}"]`);
      if (!confirmation) return;
      confirmation.hidden = false;
      confirmation.focus();
    });
  }
  for (const button of banner.querySelectorAll<HTMLElement>("[data-cookie-hide]")) {
    button.addEventListener("click", () => {
      banner.hidden = true;
    });
  }
  // A choice made elsewhere (the heart, the cookies page) answers the question too.
  document.addEventListener(CONSENT_EVENT, () => {
    if (!answeredHere) banner.hidden = true;
  });
}

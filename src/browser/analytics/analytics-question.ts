// The cookie banner's question about analytics, where the site counts visits. The banner's own
// script (cookies/cookie-banner.ts) knows nothing of it: once someone answers the question about
// feature cookies in the banner, this asks about analytics next, in its place; and it asks people
// who chose before analytics was switched on, whose old choice counts as no until they answer. The
// answer is recorded beside the feature cookies' and confirmed with both.
import { readConsent, recordConsent } from "../cookies/cookie-jar.ts";
import { CONSENT_EVENT } from "../page-events.ts";

const answer = (agreed: boolean) => (agreed ? "accept" : "reject");

export function initAnalyticsQuestion(banner: HTMLElement): void {
  const featureQuestion = banner.querySelector<HTMLElement>("[data-cookie-question]");
  const question = banner.querySelector<HTMLElement>("[data-cookie-analytics-question]");
  const consent = readConsent();
  if (!featureQuestion || !question || consent?.analytics !== undefined) return;
  const ask = () => {
    featureQuestion.hidden = true;
    question.hidden = false;
    question.focus();
  };
  if (consent) {
    // Chose before: the banner's script shows nothing to them, so the banner is shown from here.
    banner.hidden = false;
    ask();
    for (const button of banner.querySelectorAll<HTMLElement>("[data-cookie-hide]")) {
      button.addEventListener("click", () => {
        banner.hidden = true;
      });
    }
  } else {
    // Feature cookies answered in the banner (a choice made elsewhere hides the banner first).
    document.addEventListener(CONSENT_EVENT, () => {
      if (!banner.hidden && !featureQuestion.hidden && readConsent()?.analytics === undefined) ask();
    });
  }
  for (const button of banner.querySelectorAll<HTMLButtonElement>("[data-cookie-analytics-choice]")) {
    button.addEventListener("click", () => {
      const feature = readConsent()?.feature === true;
      const agreed = button.value === "accept";
      recordConsent(feature, agreed);
      question.hidden = true;
      const confirmation = banner.querySelector<HTMLElement>(`[data-cookie-confirmation="${answer(feature)}-${answer(agreed)}"]`);
      if (!confirmation) return;
      confirmation.hidden = false;
      confirmation.focus();
    });
  }
}

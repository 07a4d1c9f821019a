// The GOV.UK cookie banner: shown only to people who have not chosen under the current policy.
// Accepting or rejecting swaps the question for a confirmation, which takes focus. Where the site
// counts visits (analytics switched on in the settings), the banner asks about analytics as a
// question of its own after the one about feature cookies, and asks it alone of people who chose
// before analytics was switched on; their old choice counts as no until they answer.
import { CONSENT_EVENT } from "../page-events.ts";
import { readConsent, recordConsent } from "./cookie-jar.ts";

const answer = (agreed: boolean) => (agreed ? "accept" : "reject");

export function initCookieBanner(banner: HTMLElement): void {
  // The head script made room for the banner if there was no consent cookie; from here on the
  // banner's own hidden attribute says whether it shows.
  document.documentElement.classList.remove("app-cookie-choice-needed");
  const question = banner.querySelector<HTMLElement>("[data-cookie-question]");
  const analyticsQuestion = banner.querySelector<HTMLElement>("[data-cookie-analytics-question]");
  const consent = readConsent();
  const analyticsUnanswered = analyticsQuestion !== null && consent !== undefined && consent.analytics === undefined;
  if ((consent && !analyticsUnanswered) || !question) return;
  banner.hidden = false;
  if (analyticsUnanswered) {
    question.hidden = true;
    analyticsQuestion.hidden = false;
  }

  const confirm = (which: string) => {
    const confirmation = banner.querySelector<HTMLElement>(`[data-cookie-confirmation="${which}"]`);
    if (!confirmation) return;
    confirmation.hidden = false;
    confirmation.focus();
  };
  let answeredHere = false;
  for (const button of banner.querySelectorAll<HTMLButtonElement>("[data-cookie-choice]")) {
    button.addEventListener("click", () => {
      answeredHere = true;
      const feature = button.value === "accept";
      recordConsent(feature);
      question.hidden = true;
      if (!analyticsQuestion) return confirm(answer(feature));
      analyticsQuestion.hidden = false;
      analyticsQuestion.focus();
    });
  }
  for (const button of banner.querySelectorAll<HTMLButtonElement>("[data-cookie-analytics-choice]")) {
    button.addEventListener("click", () => {
      answeredHere = true;
      const feature = readConsent()?.feature === true;
      const analytics = button.value === "accept";
      recordConsent(feature, analytics);
      if (analyticsQuestion) analyticsQuestion.hidden = true;
      confirm(`${answer(feature)}-${answer(analytics)}`);
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

// The site's forms sent in place (the page feedback and "Report a change to this service"): each
// works without this as a plain POST to Netlify Forms that ends on a thank-you page. With it, the
// answer is posted as Netlify's own script would (form-encoded, to the form's page on this site),
// and the confirmation takes the forms' place, with focus, so a screen reader says it was sent.
// "No" asks its two optional questions before anything is sent. Nothing is stored on the device.
// The forms are on every page but used on few visits, so this is fetched when one is first sent.
import { element } from "../dom.ts";
import { showErrorSummary } from "../error-summary.ts";

/**
 * Posts the form, with the button that sent it, to the form's page on this site: by address, not
 * in full, as a page written with absolute links names the live site even on a preview or at home.
 */
async function post(form: HTMLFormElement, submitter: HTMLButtonElement | null): Promise<boolean> {
  const data = new FormData(form);
  if (submitter?.name) data.set(submitter.name, submitter.value);
  const body = new URLSearchParams([...data].map(([name, value]) => [name, String(value)]));
  try {
    const response = await fetch(new URL(form.action, location.href).pathname, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The fields that must be filled in, each with what its error says, as GOV.UK's error message pattern shows it. */
function checkRequired(form: HTMLFormElement): boolean {
  const errors: Array<{ message: string; fieldId: string }> = [];
  for (const field of form.querySelectorAll<HTMLTextAreaElement>("[data-required]")) {
    const group = field.closest(".govuk-form-group");
    const errorId = `${field.id}-error`;
    group?.querySelector(`#${errorId}`)?.remove();
    group?.classList.remove("govuk-form-group--error");
    field.classList.remove("govuk-textarea--error");
    field.setAttribute("aria-describedby", (field.getAttribute("aria-describedby") ?? "").replace(errorId, "").trim());
    if (field.value.trim() !== "") continue;
    const message = field.dataset.required!;
    const error = element("p", "govuk-error-message", undefined, { id: errorId });
    error.append(element("span", "govuk-visually-hidden", "Error:"), ` ${message}`);
    field.before(error);
    group?.classList.add("govuk-form-group--error");
    field.classList.add("govuk-textarea--error");
    field.setAttribute("aria-describedby", `${field.getAttribute("aria-describedby") ?? ""} ${errorId}`.trim());
    errors.push({ message, fieldId: field.id });
  }
  const place = form.querySelector<HTMLElement>("[data-feedback-errors]")!;
  if (errors.length > 0) showErrorSummary(place, errors);
  else place.replaceChildren();
  return errors.length === 0;
}

/** Says the answer was sent, where the forms were, and moves focus there. */
function confirm(root: HTMLElement): void {
  const sent = element("div", "app-feedback__sent", undefined, { tabindex: "-1", "data-feedback-sent": true });
  // The heading takes the id the section is named by, so the section keeps its name.
  const heading = element("h2", "govuk-heading-s govuk-!-margin-bottom-1", root.dataset.sentHeading, { id: root.getAttribute("aria-labelledby") ?? undefined });
  sent.append(heading, element("p", "govuk-body govuk-!-margin-bottom-0", root.dataset.sentText));
  root.replaceChildren(sent);
  sent.focus();
}

/** Says the answer was not sent, in the form, so it can be sent again; the words typed stay. */
function failed(form: HTMLFormElement): void {
  form.querySelector("[data-feedback-failed]")?.remove();
  const message = element("p", "govuk-error-message", "Sorry, this was not sent. Check your internet connection and try again.", {
    role: "alert",
    "data-feedback-failed": true,
  });
  form.querySelector("[data-feedback-errors]")!.after(message);
}

/**
 * "No" asks its two optional questions first, in place of the question (so focus goes to them and
 * the button needs no aria-expanded: it is hidden while they show); Cancel goes back to it.
 */
function askMore(form: HTMLFormElement, opener: HTMLButtonElement): void {
  const prompt = form.querySelector<HTMLElement>("[data-feedback-prompt]")!;
  const more = form.querySelector<HTMLElement>("[data-feedback-more]")!;
  prompt.hidden = true;
  more.hidden = false;
  more.querySelector<HTMLElement>("[data-feedback-more-heading]")!.focus();
  more.querySelector("[data-feedback-cancel]")!.addEventListener(
    "click",
    () => {
      more.hidden = true;
      prompt.hidden = false;
      opener.focus();
    },
    { once: true },
  );
}

/**
 * What sending one of a feedback section's forms does: the site script (main.ts) has stopped the
 * plain POST and fetched this. The form is busy while its answer is on its way, so a second
 * press sends nothing more.
 */
export async function submitInPlace(root: HTMLElement, form: HTMLFormElement, submitter: HTMLButtonElement | null): Promise<void> {
  if (form.getAttribute("aria-busy") === "true") return;
  if (submitter?.matches("[data-feedback-opens]")) return askMore(form, submitter);
  if (!checkRequired(form)) return;
  form.setAttribute("aria-busy", "true");
  form.querySelector("[data-feedback-failed]")?.remove();
  const sent = await post(form, submitter);
  form.removeAttribute("aria-busy");
  if (sent) confirm(root);
  else failed(form);
}

// "Write your request" on /ehc-plans/write-your-request/: the form writes the family's letter on
// the page, in place of the template with gaps the page shows without JavaScript, and offers to
// print it, copy it or open it in their email app. The letter's words come from
// src/lib/assessment-request/. Nothing leaves the page: the form is never sent, and nothing is
// written to cookies or any other storage.
import { type AnswerError, checkAnswers, type FormValues, letterDate, localIsoDate } from "../../lib/assessment-request/answers.ts";
import { type Addressee, type Letter, type Line, letterText, mailtoLink, requestLetter } from "../../lib/assessment-request/letter.ts";
import { element } from "../dom.ts";
import { showErrorSummary } from "../error-summary.ts";

/** A letter's lines as nodes: words as text, gaps as marked spans, a <br> between lines. */
function lineNodes(lines: readonly Line[]): Node[] {
  return lines.flatMap((line, index) => [
    ...(index > 0 ? [element("br")] : []),
    ...line.map((segment) => (typeof segment === "string" ? document.createTextNode(segment) : element("span", "app-letter__gap", `[${segment.gap}]`))),
  ]);
}

/** Draws the letter in the page's letter box, as the layout draws the template. */
function drawLetter(box: HTMLElement, letter: Letter): void {
  const paragraph = (className: string | undefined, lines: readonly Line[], strong = false) => {
    const node = element("p", className);
    const words = strong ? node.appendChild(element("strong")) : node;
    words.append(...lineNodes(lines));
    return node;
  };
  const body = element("div");
  body.append(...letter.body.map((part) => paragraph(part.heading ? "app-letter__heading" : undefined, part.lines, part.heading === true)));
  box.replaceChildren(
    paragraph("app-letter__from", letter.from),
    paragraph("app-letter__to", letter.to),
    paragraph("app-letter__subject", [letter.subject], true),
    body,
  );
}

function formValues(form: HTMLFormElement): FormValues {
  const data = new FormData(form);
  const value = (name: string) => {
    const entry = data.get(name);
    return typeof entry === "string" ? entry : undefined;
  };
  return {
    yourName: value("your-name"),
    relationship: value("relationship"),
    childName: value("child-name"),
    dobDay: value("date-of-birth-day"),
    dobMonth: value("date-of-birth-month"),
    dobYear: value("date-of-birth-year"),
    setting: value("setting"),
    whatIsHard: value("what-is-hard"),
    whatHasBeenTried: value("what-has-been-tried"),
    whatYouWant: value("what-you-want"),
  };
}

/** Takes away every error shown in the form, as GOV.UK's markup had it before. */
function clearErrors(form: HTMLFormElement): void {
  for (const message of form.querySelectorAll("[data-letter-error]")) message.remove();
  for (const group of form.querySelectorAll(".govuk-form-group--error")) group.classList.remove("govuk-form-group--error");
  for (const field of form.querySelectorAll(".govuk-input--error, .govuk-textarea--error"))
    field.classList.remove("govuk-input--error", "govuk-textarea--error");
  for (const described of form.querySelectorAll<HTMLElement>("[data-described-by]")) {
    const before = described.dataset.describedBy ?? "";
    if (before) described.setAttribute("aria-describedby", before);
    else described.removeAttribute("aria-describedby");
    delete described.dataset.describedBy;
  }
}

/** Shows one problem as GOV.UK's error message pattern does: in the field's group, above the field, which it describes. */
function showError(form: HTMLFormElement, error: AnswerError): void {
  const group = form.querySelector(`#${error.field}`)?.closest<HTMLElement>(".govuk-form-group");
  const control = group?.querySelector<HTMLElement>(".govuk-radios, .govuk-date-input, .govuk-input, .govuk-textarea");
  if (!group || !control) return;
  group.classList.add("govuk-form-group--error");
  const id = `${error.field}-error`;
  const message = element("p", "govuk-error-message", undefined, { id, "data-letter-error": true });
  message.append(element("span", "govuk-visually-hidden", "Error:"), ` ${error.message}`);
  control.before(message);
  const described = group.querySelector<HTMLElement>("fieldset") ?? control;
  const before = described.getAttribute("aria-describedby") ?? "";
  described.dataset.describedBy = before;
  described.setAttribute("aria-describedby", [before, id].filter(Boolean).join(" "));
  // A date missing one part marks that part; any other date error marks all three.
  const marked =
    error.field === "date-of-birth" && error.message.includes("must include")
      ? [form.querySelector(`#${error.fieldId}`)]
      : [...group.querySelectorAll(".govuk-input, .govuk-textarea")];
  for (const field of marked) field?.classList.add(field.classList.contains("govuk-textarea") ? "govuk-textarea--error" : "govuk-input--error");
}

/** Copies the letter: the Clipboard API, or, where it is missing or refused, the letter selected for the family to copy. */
async function copyLetter(text: string, box: HTMLElement, status: HTMLElement): Promise<void> {
  const copied = "Your letter is copied. Paste it into an email or a document.";
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = copied;
    return;
  } catch {
    // No Clipboard API (a page not served over HTTPS), or the browser said no: select the letter instead.
  }
  getSelection()?.selectAllChildren(box);
  // The old way to copy, which still works where the Clipboard API does not; it says whether it copied.
  status.textContent = document.execCommand("copy") ? copied : "Your letter is selected. Press Ctrl and C (or Command and C on a Mac) to copy it.";
}

export function initLetterBuilder(root: HTMLElement): void {
  const part = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const builder = part("[data-letter-builder]");
  const form = part<HTMLFormElement>("[data-letter-form]");
  const errorSummary = part("[data-letter-error-summary]");
  const heading = part("[data-letter-heading]");
  const box = part("[data-letter]");
  const actions = part("[data-letter-actions]");
  const email = part<HTMLAnchorElement>("[data-letter-email]");
  const status = part("[data-letter-status]");
  const cutShort = part("[data-letter-cut-short]");
  const { councilName, teamName, email: address, address: postal } = root.dataset;
  if (!builder || !form || !errorSummary || !heading || !box || !actions || !email || !status || !cutShort || !councilName || !teamName || !address || !postal)
    return;
  const to: Addressee = { councilName, teamName, email: address, address: postal };
  for (const noScript of root.querySelectorAll<HTMLElement>("[data-letter-no-js]")) noScript.hidden = true;
  builder.hidden = false;

  let letter: Letter | undefined;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    const now = new Date();
    const checked = checkAnswers(formValues(form), localIsoDate(now));
    if ("errors" in checked) {
      for (const error of checked.errors) showError(form, error);
      document.title = document.title.startsWith("Error: ") ? document.title : `Error: ${document.title}`;
      showErrorSummary(
        errorSummary,
        checked.errors.map(({ message, fieldId }) => ({ message, fieldId })),
      );
      return;
    }
    errorSummary.replaceChildren();
    document.title = document.title.replace(/^Error: /, "");
    letter = requestLetter(checked.answers, to, { today: letterDate(now) });
    drawLetter(box, letter);
    const mail = mailtoLink(letter, to.email);
    email.href = mail.href;
    cutShort.hidden = !mail.cutShort;
    status.textContent = "";
    actions.hidden = false;
    heading.focus();
  });
  part("[data-letter-print]")?.addEventListener("click", () => window.print());
  part("[data-letter-copy]")?.addEventListener("click", () => {
    if (letter) void copyLetter(letterText(letter), box, status);
  });
}

// GOV.UK's error summary for problems found on the page, made as GOV.UK's govukErrorSummary macro
// makes it and run by GOV.UK Frontend's own ErrorSummary, so it behaves as on any GOV.UK service:
// it takes focus when shown, and each link moves focus to its field with the field's label or
// legend scrolled into view.
import { ErrorSummary } from "govuk-frontend";
import { element } from "./dom.ts";

/** A problem with one field: what to say, and the id of the field its link goes to. */
interface FieldError {
  message: string;
  fieldId: string;
}

/**
 * Makes a summary of these errors the whole of `place`, which must be in the page, and focuses it.
 * A new summary each time, in place of any shown before: GOV.UK Frontend binds a component to an
 * element only once.
 */
export function showErrorSummary(place: HTMLElement, errors: readonly FieldError[]): void {
  const list = element("ul", "govuk-list govuk-error-summary__list");
  for (const { message, fieldId } of errors) {
    const item = element("li");
    item.append(element("a", undefined, message, { href: `#${fieldId}` }));
    list.append(item);
  }
  const body = element("div", "govuk-error-summary__body");
  body.append(list);
  // The alert role is on a child, as in the macro, so that focusing the summary does not cut short
  // what a screen reader announces.
  const alert = element("div", undefined, undefined, { role: "alert" });
  alert.append(element("h2", "govuk-error-summary__title", "There is a problem"), body);
  const summary = element("div", "govuk-error-summary", undefined, { "data-module": "govuk-error-summary" });
  summary.append(alert);
  place.replaceChildren(summary);
  new ErrorSummary(summary);
}

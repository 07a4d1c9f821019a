// The forms families send the council (src/lib/forms/site-forms.ts), as the layouts draw them, and
// the pages a plain POST ends on. The forms are the same on every page but for the page's address
// (and on a service's page, the service's id and name), so each is drawn once a build with GOV.UK's
// macros ({% cached %}) and those values are filled in for each page.
import nunjucks from "nunjucks";
import { FORM_NAME_FIELD, HONEYPOT_FIELD, SITE_FORMS } from "../lib/forms/site-forms.ts";
import { escapeHtml } from "../lib/html.ts";
import { serviceId } from "../open-referral/ids.ts";
import type { EleventyConfig } from "./types.ts";

/** A value the fragment leaves for each page, written @name@ where the page's value goes. */
const PLACEHOLDER = /@(page|service-id|service)@/g;

/** A drawn form with each page's values in place of its placeholders, in one pass, so no value is read as a placeholder. */
export function fillForm(fragment: string, values: Readonly<Record<string, string>>): string {
  return fragment.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`a form on this page needs a value for ${whole}, which the layout does not give`);
    // Apostrophes too, as a value may land in an attribute in single quotes.
    return escapeHtml(value).replace(/'/g, "&#39;");
  });
}

export default function siteForms(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("siteForms", SITE_FORMS);
  eleventyConfig.addGlobalData("formFields", { formName: FORM_NAME_FIELD, honeypot: HONEYPOT_FIELD });
  eleventyConfig.addFilter(
    "fillForm",
    (fragment: unknown, values: Record<string, string>) => new nunjucks.runtime.SafeString(fillForm(String(fragment), values)),
  );
  /** The service's id in the Open Referral feed and the council's directory, for a reported change. */
  eleventyConfig.addFilter("serviceId", (url: string, orukId: string | undefined, baseUrl: string) => serviceId({ orukId }, baseUrl, url));

  const sentPage = { eleventyExcludeFromCollections: true, contentLayout: "layouts/form-sent.njk", searchExclude: true };
  eleventyConfig.addTemplate("thank-you/feedback.njk", "", {
    ...sentPage,
    permalink: SITE_FORMS.pageUseful.sentUrl,
    sent: "feedback",
    title: "Thank you for your feedback",
    description: "Shown after you tell us whether a page was useful or report a problem with it.",
  });
  eleventyConfig.addTemplate("thank-you/service-change.njk", "", {
    ...sentPage,
    permalink: SITE_FORMS.serviceChange.sentUrl,
    sent: "service-change",
    title: "Thank you for telling us about a change",
    description: "Shown after you report a change to a service in the directory.",
  });
}

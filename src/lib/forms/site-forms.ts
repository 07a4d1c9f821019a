// The forms families send the council: "Is this page useful?", "Report a problem with this page"
// and "Report a change to this service". The site is static, so Netlify Forms receives them: its
// deploy finds each form in the built HTML by its name, keeps the fields it saw there and shows the
// form's own page after a plain POST. The layouts draw the forms with these names, `npm start`'s
// server stores what they send by these definitions, and a test checks the built forms against them.

/** The hidden field that tells Netlify which form a POST is for. */
export const FORM_NAME_FIELD = "form-name";

/** A field people never see: a bot that fills it in is dropped without a word (Netlify's netlify-honeypot). */
export const HONEYPOT_FIELD = "bot-field";

export interface SiteForm {
  /** The form's name, as Netlify lists it in the site's Forms dashboard. */
  name: string;
  /** The fields Netlify keeps from each submission, besides the form's name and the honeypot. */
  fields: readonly string[];
  /** The page a plain POST ends on: the form's action. */
  sentUrl: string;
}

/** The folder of the pages the forms end on; content may not put pages there. */
export const FORM_SENT_FOLDER = "/thank-you/";

export const FEEDBACK_SENT_URL = `${FORM_SENT_FOLDER}feedback/`;
export const CHANGE_SENT_URL = `${FORM_SENT_FOLDER}service-change/`;

export const SITE_FORMS = {
  /** Yes or No; after No, what they were trying to do and what went wrong, both optional. */
  pageUseful: { name: "page-useful", fields: ["page", "useful", "trying-to-do", "went-wrong"], sentUrl: FEEDBACK_SENT_URL },
  pageProblem: { name: "page-problem", fields: ["page", "doing", "went-wrong"], sentUrl: FEEDBACK_SENT_URL },
  /** What changed, with the service's id and page, and contact details only for a reply. */
  serviceChange: { name: "service-change", fields: ["page", "service-id", "service", "what-changed", "name", "contact"], sentUrl: CHANGE_SENT_URL },
} as const satisfies Record<string, SiteForm>;

/** The form of that name, if the site has one. */
export function siteFormNamed(name: string): SiteForm | undefined {
  return Object.values(SITE_FORMS).find((form) => form.name === name);
}

// The HTML a page may carry, as an allow-list for sanitize-html (a maintained sanitiser built on the
// parser the checks already use, htmlparser2). Markdown lets editors write raw HTML; the published
// page keeps only what pages legitimately use (headings, lists, tables, abbr, details, links) and
// loses scripts, styles, frames, forms, meta and base tags, objects, event attributes and links
// other than those safe-links.ts allows. The content check reports, line by line, everything the
// sanitiser would take out (htmlProblems), so the page published is the page reviewed.
import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import { ALLOWED_LINKS, isAllowedLink } from "./safe-links.ts";

const ALLOWED_TAGS = [
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "hr",
  "blockquote",
  "pre",
  "code",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "strong",
  "em",
  "b",
  "i",
  "s",
  "sub",
  "sup",
  "small",
  "span",
  "div",
  "abbr",
  "cite",
  "q",
  "time",
  "a",
  "img",
  "figure",
  "figcaption",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "details",
  "summary",
];

/** Attributes any allowed tag may have; class and id are what Markdown itself writes. */
const GLOBAL_ATTRIBUTES = ["class", "id", "lang", "dir", "title"];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": GLOBAL_ATTRIBUTES,
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  th: ["scope", "colspan", "rowspan", "abbr"],
  td: ["colspan", "rowspan"],
  ol: ["start", "reversed"],
  time: ["datetime"],
  details: ["open"],
};

/** Attributes that hold an address. */
const ADDRESS_ATTRIBUTES = new Set(["href", "src"]);

/** Tags whose contents go with them, as text of them would mean nothing on the page. */
const REMOVED_WITH_CONTENTS = ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "title"];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowProtocolRelative: false,
  allowedSchemesAppliedToAttributes: ["href", "src"],
  disallowedTagsMode: "discard",
  nonTextTags: REMOVED_WITH_CONTENTS,
  // The same rule as Markdown links, which sanitize-html's own scheme check does not cover (it
  // lets /\host through, which browsers read as another site).
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: withAllowedAddress(attribs, "href") }),
    img: (tagName, attribs) => ({ tagName, attribs: withAllowedAddress(attribs, "src") }),
  },
};

function withAllowedAddress(attribs: sanitizeHtml.Attributes, name: string): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined || isAllowedLink(value.trim())) return attribs;
  const { [name]: _removed, ...rest } = attribs;
  return rest;
}

/** A page body's HTML with everything not allowed taken out. */
export function sanitizePageHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

export interface HtmlProblem {
  /** 1-based within the HTML given. */
  line: number;
  message: string;
}

const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);

function attributeAllowed(tag: string, attribute: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(attribute) || (ALLOWED_ATTRIBUTES[tag]?.includes(attribute) ?? false);
}

/** Everything in a piece of raw HTML that sanitizePageHtml would take out, with its line. */
export function htmlProblems(html: string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  const lineAt = (index: number) => (html.slice(0, index).match(/\n/g)?.length ?? 0) + 1;
  const parser: Parser = new Parser(
    {
      onopentag(tag, attributes) {
        const line = lineAt(parser.startIndex);
        if (!ALLOWED_TAG_SET.has(tag)) {
          problems.push({
            line,
            message: `the HTML tag <${tag}> is not allowed and would be taken out of the page (expected Markdown, or HTML tags for headings, lists, tables, abbr, details and links)`,
          });
          return;
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!attributeAllowed(tag, attribute)) {
            const why = attribute.startsWith("on") ? ", as it would run code" : attribute === "style" ? ", as the site's styles come from its stylesheet" : "";
            problems.push({ line, message: `the ${attribute} attribute on <${tag}> is not allowed${why}, and would be taken out of the page` });
          } else if (ADDRESS_ATTRIBUTES.has(attribute) && !isAllowedLink(value.trim())) {
            problems.push({
              line,
              message: `the address ${JSON.stringify(value)} on <${tag}> is not allowed and would be taken out of the page (expected ${ALLOWED_LINKS})`,
            });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

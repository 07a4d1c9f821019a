// What search indexes for each page: read from the built HTML, so it sees exactly what a family
// sees (a service's town, categories and needs come from its layout, not only its Markdown).
import { Parser } from "htmlparser2";
import { searchSynonymsFor, topicSynonymsFor, type GlossaryEntry } from "../lib/glossary.ts";

export interface SearchDocument {
  url: string;
  title: string;
  section: string;
  description: string;
  /** A service's town and ages, shown with its result; empty for other pages. */
  details: string;
  keywords: string;
  headings: string;
  body: string;
  /** Other words for the glossary terms the page uses; filled in by the index builder. */
  synonyms?: string;
  /** Other words for the glossary terms the page is about (in its title or keywords); filled in by the index builder. */
  topicSynonyms?: string;
}

const SKIP = new Set(["script", "style", "nav", "details"]);

/**
 * The parts of a page search reads: the head's meta tags, then the breadcrumbs through the end of
 * the main content. Skipping the header's navigation matters on a big site, where it is most of
 * every page.
 */
function searchableParts(html: string): string {
  const headEnd = html.indexOf("</head>");
  const breadcrumbs = html.indexOf('<nav class="govuk-breadcrumbs');
  const start = breadcrumbs >= 0 ? breadcrumbs : html.indexOf("<main");
  const end = html.lastIndexOf("</main>");
  if (headEnd < 0 || start < headEnd || end < start) return html;
  return html.slice(0, headEnd) + html.slice(start, end + "</main>".length);
}

/** Reads one built page; undefined for pages search should not list (the 404 page, redirects). */
export function documentFromHtml(url: string, html: string): SearchDocument | undefined {
  const document: SearchDocument = { url, title: "", section: "", description: "", details: "", keywords: "", headings: "", body: "" };
  let inMain = 0;
  let skipping = 0;
  let capture: "title" | "headings" | "body" | "crumb" | undefined;
  const crumbs: string[] = [];
  let noindex = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "meta" && attributes.name === "description") document.description = attributes.content ?? "";
        if (name === "meta" && attributes.name === "keywords") document.keywords = attributes.content ?? "";
        if (name === "meta" && attributes.name === "app-search-details") document.details = attributes.content ?? "";
        if (name === "meta" && attributes.name === "robots" && /noindex/.test(attributes.content ?? "")) noindex = true;
        // Pages search engines may index but site search leaves out (a ready reckoner's steps).
        if (name === "meta" && attributes.name === "app-search" && attributes.content === "exclude") noindex = true;
        if (name === "a" && attributes.class === "govuk-breadcrumbs__link") capture = "crumb";
        if (name === "main") inMain += 1;
        if (!inMain) return;
        if (SKIP.has(name) || attributes["data-search"] === "ignore") skipping += 1;
        else if (skipping) skipping += 1;
        if (name === "h1") capture = "title";
        else if (/^h[2-6]$/.test(name)) capture = "headings";
      },
      ontext(text) {
        if (capture === "crumb") {
          crumbs.push(text.trim());
          return;
        }
        if (!inMain || skipping) return;
        const target = capture ?? "body";
        document[target] += text;
      },
      onclosetag(name) {
        if (name === "a" && capture === "crumb") capture = undefined;
        if (!inMain) return;
        if (name === "h1" || /^h[2-6]$/.test(name)) {
          if (capture === "headings") document.headings += " ";
          capture = undefined;
        }
        if (skipping) skipping -= 1;
        if (name === "main") inMain -= 1;
        if (!capture) document.body += " ";
      },
    },
    { decodeEntities: true },
  );
  parser.write(searchableParts(html));
  parser.end();
  if (noindex || !document.title) return undefined;
  const tidy = (text: string) => text.replace(/\s+/g, " ").trim();
  return {
    url,
    title: tidy(document.title),
    // The breadcrumb after "Home" names the page's section, e.g. "EHC plans" or "Find services".
    section: tidy(crumbs[1] ?? ""),
    description: tidy(document.description),
    details: tidy(document.details),
    keywords: tidy(document.keywords),
    headings: tidy(document.headings),
    body: tidy(document.body),
  };
}

/** The document with the glossary's other words for the terms it uses and for those it is about. */
export function withSynonyms(document: SearchDocument, glossary: readonly GlossaryEntry[]): SearchDocument {
  const text = `${document.title} ${document.keywords} ${document.headings} ${document.description} ${document.body}`;
  return {
    ...document,
    synonyms: searchSynonymsFor(text, glossary),
    topicSynonyms: topicSynonymsFor(`${document.title} ${document.keywords}`, glossary),
  };
}

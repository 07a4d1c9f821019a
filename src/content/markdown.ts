// The one Markdown parser for the build and for `npm run check`, so both see the same links and ids.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { contactLinks } from "./contact-links.ts";
import { abbreviationPattern, type GlossaryEntry } from "../lib/glossary.ts";
import { sanitizePageHtml } from "./safe-html.ts";
import { isAllowedLink } from "./safe-links.ts";
import { tableRegions } from "./table-regions.ts";

/** "Plan the support" → "plan-the-support": the id a heading gets, and what #links must use. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&[a-z]+;/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline")
    .map((child) => child.content)
    .join("");
}

/** Gives every heading an id from its text, unique within the page ("costs", "costs-2"). */
function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state) => {
    const used = new Map<string, number>();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open" || token.attrGet("id")) return;
      const base = slugify(inlineText(state.tokens[index + 1])) || "section";
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      token.attrSet("id", count === 1 ? base : `${base}-${count}`);
    });
  });
}

/** GOV.UK Frontend typography classes, so content looks like the rest of the site. */
function govukClasses(md: MarkdownIt): void {
  const classes: Record<string, string> = {
    paragraph_open: "govuk-body",
    bullet_list_open: "govuk-list govuk-list--bullet",
    ordered_list_open: "govuk-list govuk-list--number",
    table_open: "govuk-table",
    thead_open: "govuk-table__head",
    tbody_open: "govuk-table__body",
    tr_open: "govuk-table__row",
    th_open: "govuk-table__header",
    td_open: "govuk-table__cell",
    link_open: "govuk-link",
    hr: "govuk-section-break govuk-section-break--l govuk-section-break--visible",
  };
  const headingSizes: Record<string, string> = {
    h2: "govuk-heading-l",
    h3: "govuk-heading-m",
    h4: "govuk-heading-s",
    h5: "govuk-heading-s",
    h6: "govuk-heading-s",
  };
  md.core.ruler.push("govuk_classes", (state) => {
    const visit = (tokens: Token[]) => {
      for (const token of tokens) {
        const name = token.type === "heading_open" ? headingSizes[token.tag] : classes[token.type];
        if (name && !token.attrGet("class")) token.attrSet("class", name);
        // Tables put alignment in style attributes, which the site's CSP forbids.
        if ((token.type === "th_open" || token.type === "td_open") && token.attrGet("style")) {
          const align = /text-align:(\w+)/.exec(token.attrGet("style") ?? "")?.[1];
          token.attrs = (token.attrs ?? []).filter(([key]) => key !== "style");
          if (align === "right") token.attrJoin("class", "govuk-table__cell--numeric");
        }
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
  });
}

/** An address or a link's words as a reader would compare them: no scheme, spaces or end slash. */
function plainAddress(address: string): string {
  const words = address.trim().toLowerCase();
  if (words.startsWith("tel:") || /^[+\d][\d ]+$/.test(words)) return words.replace(/\D/g, "").replace(/^44/, "0");
  return words.replace(/^(?:mailto:|(?:https?:\/\/)?(?:www\.)?)/, "").replace(/\/$/, "");
}

/**
 * Marks links whose words are their own address (a phone number, an email or web address), so
 * that print, which writes each link's address after it, does not write these twice.
 */
function addressLinks(md: MarkdownIt): void {
  md.core.ruler.push("address_links", (state) => {
    for (const block of state.tokens) {
      block.children?.forEach((token, index, children) => {
        const [text, close] = [children[index + 1], children[index + 2]];
        if (token.type !== "link_open" || text?.type !== "text" || close?.type !== "link_close") return;
        if (plainAddress(text.content) === plainAddress(token.attrGet("href") ?? "")) token.attrJoin("class", "app-link--address");
      });
    }
  });
}

/**
 * Gives the first use of each glossary abbreviation on a page its full form:
 * <abbr title="special educational needs">SEN</abbr>. Headings, links and code are left alone.
 */
function glossaryAbbreviations(glossary: readonly GlossaryEntry[]) {
  const entries = glossary.flatMap((entry) => {
    const pattern = abbreviationPattern(entry);
    return pattern ? [{ entry, pattern }] : [];
  });
  return (md: MarkdownIt) => {
    md.core.ruler.push("glossary_abbreviations", (state) => {
      const pending = new Set(entries);
      let inHeading = false;
      for (const block of state.tokens) {
        if (block.type === "heading_open") inHeading = true;
        if (block.type === "heading_close") inHeading = false;
        if (block.type !== "inline" || inHeading || !block.children || pending.size === 0) continue;
        let linkDepth = 0;
        const children: Token[] = [];
        for (const child of block.children) {
          if (child.type === "link_open") linkDepth += 1;
          if (child.type === "link_close") linkDepth -= 1;
          if (child.type !== "text" || linkDepth > 0) {
            children.push(child);
            continue;
          }
          let rest = child.content;
          for (;;) {
            // The earliest abbreviation still to explain, so none before it is skipped.
            const found = [...pending]
              .map((item) => ({ item, match: item.pattern.exec(rest) }))
              .filter((candidate) => candidate.match !== null)
              .sort((a, b) => a.match!.index - b.match!.index)[0];
            if (!found?.match) break;
            pending.delete(found.item);
            const before = new state.Token("text", "", 0);
            before.content = rest.slice(0, found.match.index);
            const abbr = new state.Token("html_inline", "", 0);
            abbr.meta = { glossary: true };
            abbr.content = `<abbr title="${md.utils.escapeHtml(found.item.entry.term)}">${md.utils.escapeHtml(found.match[0])}</abbr>`;
            children.push(before, abbr);
            rest = rest.slice(found.match.index + found.match[0].length);
          }
          const after = new state.Token("text", "", 0);
          after.content = rest;
          children.push(after);
        }
        block.children = children;
      }
    });
  };
}

/** Whether editors wrote HTML into the page (the glossary's abbr tags are the build's own). */
function hasRawHtml(tokens: Token[]): boolean {
  return tokens.some(
    (token) =>
      token.type === "html_block" || (token.type === "html_inline" && !token.meta?.glossary) || (token.children !== null && hasRawHtml(token.children)),
  );
}

/**
 * Pages' raw HTML goes through the sanitiser, and links that safe-links.ts does not allow stay
 * text. Markdown-it escapes everything else, so a page without raw HTML is not parsed twice.
 * Tables then scroll in regions of their own (table-regions.ts).
 */
function safeOutput(md: MarkdownIt): void {
  md.validateLink = isAllowedLink;
  md.render = (source, env = {}) => {
    const tokens = md.parse(source, env);
    const html = md.renderer.render(tokens, md.options, env);
    return tableRegions(hasRawHtml(tokens) ? sanitizePageHtml(html) : html);
  };
}

export interface MarkdownOptions {
  glossary?: readonly GlossaryEntry[];
  /** For the content check: keep every link, so that it can report those the site would refuse. */
  keepEveryLink?: boolean;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(headingIds).use(contactLinks).use(govukClasses).use(addressLinks);
  if (options.keepEveryLink) md.validateLink = () => true;
  else md.use(safeOutput);
  return options.glossary ? md.use(glossaryAbbreviations(options.glossary)) : md;
}

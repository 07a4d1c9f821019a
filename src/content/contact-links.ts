// Phone numbers and email addresses in a page's text become links, so a family on a phone can tap
// to call or write instead of copying the number by hand. Editors write them as plain text.
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { isUkPhone } from "./schemas.ts";

/**
 * A run of digits that may be a UK number: 0 or +44, then groups of digits with single spaces,
 * not part of a longer run of digits or a word. isUkPhone then checks it as the schemas do.
 */
const PHONE = /(?<![\w+])(?:\+44 ?|0)\d{1,5}(?: ?\d{2,6}){1,3}(?![\w])/g;
/** An address with a dot in its domain; a full stop after it ends the sentence, not the address. */
const EMAIL = /(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w@-])/g;

/** The tel: address for a number as written: its digits, with + for the +44 form. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export interface ContactMatch {
  index: number;
  text: string;
  href: string;
}

/** The longest UK number that a run of digit groups starts with ("01632 960000 2026": the year is not part of it). */
function ukPhoneAtStart(run: string): string | undefined {
  const groups = run.split(" ");
  for (let count = groups.length; count > 0; count--) {
    const candidate = groups.slice(0, count).join(" ");
    if (isUkPhone(candidate)) return candidate;
  }
  return undefined;
}

/** The phone numbers and email addresses in a piece of text, in order. */
export function contactsIn(text: string): ContactMatch[] {
  const phones = [...text.matchAll(PHONE)].flatMap((match) => {
    const phone = ukPhoneAtStart(match[0]);
    return phone ? [{ index: match.index, text: phone, href: telHref(phone) }] : [];
  });
  const emails = [...text.matchAll(EMAIL)].map((match) => ({ index: match.index, text: match[0], href: `mailto:${match[0]}` }));
  // A number inside an email address (01632960000@...) is part of the address.
  const inOrder = [...phones, ...emails].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  return inOrder.filter((match, at) => at === 0 || match.index >= inOrder[at - 1]!.index + inOrder[at - 1]!.text.length);
}

function linkTokens(state: { Token: typeof Token }, contact: ContactMatch): Token[] {
  const open = new state.Token("link_open", "a", 1);
  open.attrs = [["href", contact.href]];
  const text = new state.Token("text", "", 0);
  text.content = contact.text;
  return [open, text, new state.Token("link_close", "a", -1)];
}

/** A raw HTML tag that opens (1) or closes (-1) a link, or 0. */
function rawLinkDepth(token: Token): number {
  if (token.type !== "html_inline") return 0;
  if (/^<a[\s>]/i.test(token.content)) return 1;
  return /^<\/a\s*>/i.test(token.content) ? -1 : 0;
}

/**
 * Turns the phone numbers and email addresses in text into links. Text already in a link (Markdown
 * or raw HTML) and headings are left alone; code is a token of its own, never text, so it is too.
 */
export function contactLinks(md: MarkdownIt): void {
  md.core.ruler.push("contact_links", (state) => {
    let inHeading = false;
    for (const block of state.tokens) {
      if (block.type === "heading_open") inHeading = true;
      if (block.type === "heading_close") inHeading = false;
      if (block.type !== "inline" || inHeading || !block.children) continue;
      let linkDepth = 0;
      const children: Token[] = [];
      for (const child of block.children) {
        if (child.type === "link_open") linkDepth += 1;
        if (child.type === "link_close") linkDepth -= 1;
        linkDepth += rawLinkDepth(child);
        const contacts = child.type === "text" && linkDepth === 0 ? contactsIn(child.content) : [];
        if (contacts.length === 0) {
          children.push(child);
          continue;
        }
        let at = 0;
        for (const contact of contacts) {
          const before = new state.Token("text", "", 0);
          before.content = child.content.slice(at, contact.index);
          children.push(before, ...linkTokens(state, contact));
          at = contact.index + contact.text.length;
        }
        const after = new state.Token("text", "", 0);
        after.content = child.content.slice(at);
        children.push(after);
      }
      block.children = children;
    }
  });
}

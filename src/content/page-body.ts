// Finds, with line numbers, what a page's body links to, which images it shows and which ids it
// offers as #fragments, from Markdown and from any HTML written inside it.
import { Parser } from "htmlparser2";
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { htmlProblems, type HtmlProblem } from "./safe-html.ts";

export interface BodyLink {
  href: string;
  line: number;
  /** Links in raw HTML: the sanitiser's check reports those it would take out. */
  fromHtml: boolean;
}

export interface BodyImage {
  src: string;
  /** undefined when the image has no alt attribute at all; "" when it is empty. */
  alt: string | undefined;
  line: number;
  fromHtml: boolean;
}

export interface BodyScan {
  links: BodyLink[];
  images: BodyImage[];
  ids: Set<string>;
  /** What the sanitiser would take out of the page's raw HTML, with file lines. */
  unsafeHtml: HtmlProblem[];
}

function scanHtml(html: string, firstLine: number, scan: BodyScan): void {
  for (const problem of htmlProblems(html)) scan.unsafeHtml.push({ line: firstLine + problem.line - 1, message: problem.message });
  let parser: Parser | undefined;
  const lineAt = (index: number) => firstLine + (html.slice(0, index).match(/\n/g)?.length ?? 0);
  parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt(parser?.startIndex ?? 0);
        if (attributes.id) scan.ids.add(attributes.id);
        if (name === "a" && attributes.href !== undefined) scan.links.push({ href: attributes.href, line, fromHtml: true });
        if (name === "img") scan.images.push({ src: attributes.src ?? "", alt: attributes.alt, line, fromHtml: true });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
}

/** bodyStartLine: the file line of the body's first line, so reported lines are file lines. */
export function scanBody(md: MarkdownIt, body: string, bodyStartLine: number): BodyScan {
  const scan: BodyScan = { links: [], images: [], ids: new Set(), unsafeHtml: [] };
  const tokens = md.parse(body, {});
  let blockLine = bodyStartLine;

  const visitInline = (children: Token[]) => {
    let line = blockLine;
    for (const child of children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      else if (child.type === "link_open") scan.links.push({ href: child.attrGet("href") ?? "", line, fromHtml: false });
      else if (child.type === "image") scan.images.push({ src: child.attrGet("src") ?? "", alt: child.content, line, fromHtml: false });
      else if (child.type === "html_inline") scanHtml(child.content, line, scan);
    }
  };

  for (const token of tokens) {
    if (token.map) blockLine = bodyStartLine + token.map[0];
    if (token.type === "heading_open") {
      const id = token.attrGet("id");
      if (id) scan.ids.add(id);
    } else if (token.type === "html_block") {
      scanHtml(token.content, blockLine, scan);
    } else if (token.type === "inline" && token.children) {
      visitInline(token.children);
    }
  }
  return scan;
}

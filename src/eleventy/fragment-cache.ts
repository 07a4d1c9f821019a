// {% cached key %}…{% endcached %}: renders its body once per build for each key, then repeats it.
// The cookie banner, header and footer are the same on thousands of pages (the header differs only
// by which section is current), and drawing them with GOV.UK Frontend's macros was a good part of
// every page's render. The key must name everything the body depends on.
import nunjucks from "nunjucks";

interface Parser {
  nextToken(): { value: string };
  parseSignature(tolerant: null, noParens: boolean): unknown;
  advanceAfterBlockEnd(name?: string): void;
  parseUntilBlocks(...names: string[]): unknown;
}

interface Nodes {
  CallExtension: new (extension: object, method: string, args: unknown, contentArgs: unknown[]) => unknown;
}

export class FragmentCache {
  readonly tags = ["cached"];
  readonly #fragments = new Map<string, string>();

  parse(parser: Parser, nodes: Nodes): unknown {
    const token = parser.nextToken();
    const args = parser.parseSignature(null, true);
    parser.advanceAfterBlockEnd(token.value);
    const body = parser.parseUntilBlocks("endcached");
    parser.advanceAfterBlockEnd();
    return new nodes.CallExtension(this, "run", args, [body]);
  }

  clear(): void {
    this.#fragments.clear();
  }

  run(_context: unknown, key: string, body: () => string): nunjucks.runtime.SafeString {
    let html = this.#fragments.get(key);
    if (html === undefined) {
      html = body();
      this.#fragments.set(key, html);
    }
    return new nunjucks.runtime.SafeString(html);
  }
}

// Reads the rewrites (redirects with status 200) netlify.toml declares, so the local server answers
// the Open Referral feed's API addresses as Netlify will. Only what the file uses: placeholders
// (":id", one path segment), a splat ("*", the rest), query parameters with placeholders, and
// trailing slashes ignored. Like Netlify, the server tries them only where no file has the address.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

export interface RewriteRule {
  /** The path's segments: literal, ":name" or "*". */
  from: string[];
  query: Record<string, string>;
  to: string;
}

interface RedirectTable {
  from: string;
  to: string;
  status?: number;
  query?: Record<string, string>;
}

const segmentsOf = (path: string) => path.split("/").filter((segment) => segment !== "");

export function readRewriteRules(netlifyTomlPath: string): RewriteRule[] {
  const config = parse(readFileSync(netlifyTomlPath, "utf8")) as { redirects?: RedirectTable[] };
  return (config.redirects ?? []).filter((rule) => rule.status === 200).map((rule) => ({ from: segmentsOf(rule.from), query: rule.query ?? {}, to: rule.to }));
}

function match(rule: RewriteRule, segments: string[], search: URLSearchParams): Map<string, string> | undefined {
  const bound = new Map<string, string>();
  for (const [index, part] of rule.from.entries()) {
    if (part === "*") {
      bound.set("splat", segments.slice(index).join("/"));
      return bound;
    }
    const segment = segments[index];
    if (segment === undefined) return undefined;
    if (part.startsWith(":")) bound.set(part.slice(1), segment);
    else if (part !== segment) return undefined;
  }
  if (segments.length !== rule.from.length) return undefined;
  for (const [name, value] of Object.entries(rule.query)) {
    const given = search.get(name);
    if (given === null) return undefined;
    if (value.startsWith(":")) bound.set(value.slice(1), given);
    else if (value !== given) return undefined;
  }
  return bound;
}

/** The path the first matching rule serves for `pathname` and `query` ("?page=2"), or undefined. */
export function rewriteOf(pathname: string, query: string, rules: readonly RewriteRule[]): string | undefined {
  const segments = segmentsOf(pathname);
  const search = new URLSearchParams(query);
  for (const rule of rules) {
    const bound = match(rule, segments, search);
    if (bound) return rule.to.replace(/:([a-z]+)/gi, (whole, name: string) => bound.get(name) ?? whole);
  }
  return undefined;
}

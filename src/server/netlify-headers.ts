// Reads the headers netlify.toml declares, and those the build writes into the site's `_headers`
// file, so the local server sends exactly what Netlify will.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

/** Where a site's own headers file is, in the published folder, on Netlify and here. */
export const HEADERS_FILE_URL = "/_headers";

export interface HeaderRule {
  pattern: RegExp;
  values: Record<string, string>;
}

/** Netlify's path patterns: "*" matches anything, including slashes. */
function patternFor(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

export function readHeaderRules(netlifyTomlPath: string): HeaderRule[] {
  const config = parse(readFileSync(netlifyTomlPath, "utf8")) as { headers?: Array<{ for: string; values: Record<string, string> }> };
  return (config.headers ?? []).map((rule) => ({ pattern: patternFor(rule.for), values: rule.values }));
}

/**
 * The rules in a `_headers` file, Netlify's other format: a path on a line of its own, then its
 * headers indented beneath it as `Name: value`; lines starting # are comments.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: patternFor(line.trim()), values: {} });
    else {
      const colon = line.indexOf(":");
      const rule = rules.at(-1);
      if (colon !== -1 && rule) rule.values[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** Every rule that matches adds its headers; later rules win for the same name, as on Netlify. */
export function headersFor(urlPath: string, rules: HeaderRule[]): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => rule.pattern.test(urlPath)).map((rule) => rule.values));
}

// Reads the headers netlify.toml declares, so the local server sends exactly what Netlify will.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

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

/** Every rule that matches adds its headers; later rules win for the same name, as on Netlify. */
export function headersFor(urlPath: string, rules: HeaderRule[]): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => rule.pattern.test(urlPath)).map((rule) => rule.values));
}

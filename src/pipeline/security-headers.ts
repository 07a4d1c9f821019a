// The Content-Security-Policy every page is sent with, and the `_headers` file the build writes it
// in. It is the build's because it depends on the settings: with analytics switched on, the
// provider's origins are allowed (only those, and only then). Netlify reads `_headers` from the
// published folder and adds its rules to netlify.toml's, which has every other header; npm start's
// server does the same (src/server/static-server.ts), so both send the same policy.
import type { AnalyticsProvider } from "../lib/analytics/providers.ts";

/**
 * The policy: everything from this site, no inline scripts or styles, no other origins, no framing;
 * with analytics, the provider's origins for its script, the requests it sends and its fallback image.
 */
export function contentSecurityPolicy(analytics?: AnalyticsProvider): string {
  const self = (others: readonly string[] = []) => ["'self'", ...others].join(" ");
  const directives: Array<[string, string]> = [
    ["default-src", self()],
    ["script-src", self(analytics?.origins.script)],
    ["style-src", self()],
    ["img-src", self(analytics?.origins.img)],
    ["font-src", self()],
    ["connect-src", self(analytics?.origins.connect)],
    ["manifest-src", self()],
    ["worker-src", self()],
    ["form-action", self()],
    ["base-uri", self()],
    ["object-src", "'none'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

/** The `_headers` file: the policy for every address, in Netlify's format. */
export function headersFile(analytics?: AnalyticsProvider): string {
  return [
    "# Written by the build (src/pipeline/security-headers.ts) from the settings. Netlify adds these",
    "# headers to the ones netlify.toml declares.",
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy(analytics)}`,
    "",
  ].join("\n");
}

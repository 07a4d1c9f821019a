// The consent cookie's value: the policy version the choice was made under, the choice of feature
// cookies and, once the council switches analytics on, the separate choice of analytics:
// `v1-yes` or `v1-yes-analytics-no`. A value without an analytics answer (as every site without
// analytics writes, and as every cookie written before it was switched on has) means analytics was
// not agreed to. Anything else in the cookie (tampered, truncated, from an older policy) counts as no choice.
import { POLICY_VERSION } from "./register.ts";

export interface Consent {
  version: number;
  /** Agreed to "Performance and feature" cookies. */
  feature: boolean;
  /** The answer to analytics; undefined when it was never asked, which counts as no. */
  analytics?: boolean;
}

const yesNo = (agreed: boolean) => (agreed ? "yes" : "no");

/** `analytics` left out writes the value a site without analytics writes. */
export function encodeConsent(feature: boolean, analytics?: boolean): string {
  return `v${POLICY_VERSION}-${yesNo(feature)}${analytics === undefined ? "" : `-analytics-${yesNo(analytics)}`}`;
}

/** The choice in a cookie value, or undefined when there is none for the current policy. */
export function decodeConsent(value: unknown): Consent | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^v(\d{1,6})-(yes|no)(?:-analytics-(yes|no))?$/.exec(value);
  if (!match || Number(match[1]) !== POLICY_VERSION) return undefined;
  return { version: POLICY_VERSION, feature: match[2] === "yes", analytics: match[3] ? match[3] === "yes" : undefined };
}

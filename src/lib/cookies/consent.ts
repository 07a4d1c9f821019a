// The consent cookie's value: the policy version the choice was made under, and the choice.
// Anything else in the cookie (tampered, truncated, from an older policy) counts as no choice.
import { POLICY_VERSION } from "./register.ts";

export interface Consent {
  version: number;
  /** Agreed to "Performance and feature" cookies. */
  feature: boolean;
}

export function encodeConsent(feature: boolean): string {
  return `v${POLICY_VERSION}-${feature ? "yes" : "no"}`;
}

/** The choice in a cookie value, or undefined when there is none for the current policy. */
export function decodeConsent(value: unknown): Consent | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^v(\d{1,6})-(yes|no)$/.exec(value);
  if (!match || Number(match[1]) !== POLICY_VERSION) return undefined;
  return { version: POLICY_VERSION, feature: match[2] === "yes" };
}

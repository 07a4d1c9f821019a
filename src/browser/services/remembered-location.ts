// The location a family asked the site to remember: geoPostcode (a partial postcode) and
// geoCoordinates (rounded to about 100 m), only with feature consent, for the session or 30 days.
import { decodeGeoCoordinates, decodeGeoPostcode, encodeGeoCoordinates, encodeGeoPostcode } from "../../lib/geo/location-cookies.ts";
import { GEO_COORDINATES_COOKIE, GEO_POSTCODE_COOKIE } from "../../lib/cookies/register.ts";
import type { Coordinates } from "../../lib/postcode.ts";
import { readFeatureCookie, removeFeatureCookie, writeFeatureCookie, type ChosenLifetime } from "../cookies/cookie-jar.ts";

export interface KnownLocation extends Coordinates {
  /** What to call it: a partial postcode such as "AL1 3", or "your location". */
  label: string;
}

export const DEVICE_LOCATION_LABEL = "your location";

/** The remembered location; nothing without consent, and nothing from a tampered cookie. */
export function rememberedLocation(): KnownLocation | undefined {
  const coordinates = decodeGeoCoordinates(readFeatureCookie(GEO_COORDINATES_COOKIE));
  if (!coordinates) return undefined;
  return { ...coordinates, label: decodeGeoPostcode(readFeatureCookie(GEO_POSTCODE_COOKIE)) ?? DEVICE_LOCATION_LABEL };
}

/** Keeps the location for the chosen time; false without consent. Never stores more than a partial postcode. */
export function rememberLocation(location: KnownLocation, lifetime: ChosenLifetime): boolean {
  if (!writeFeatureCookie(GEO_COORDINATES_COOKIE, encodeGeoCoordinates(location), lifetime)) return false;
  const postcode = encodeGeoPostcode(location.label);
  if (postcode) writeFeatureCookie(GEO_POSTCODE_COOKIE, postcode, lifetime);
  else removeFeatureCookie(GEO_POSTCODE_COOKIE);
  return true;
}

export function forgetLocation(): void {
  removeFeatureCookie(GEO_POSTCODE_COOKIE);
  removeFeatureCookie(GEO_COORDINATES_COOKIE);
}

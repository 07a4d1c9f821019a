// What the geoPostcode and geoCoordinates cookies hold: a partial postcode (a sector such as
// "AL1 3" or a district such as "AL1", never a full postcode) and coordinates rounded to about
// 100 m. Anything else in them (tampered, too precise, not in Britain) counts as nothing.
import type { Coordinates } from "../postcode.ts";
import { roundedCoordinates } from "./distance.ts";

const PARTIAL_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?(?: [0-9])?$/;
const COORDINATES = /^(-?\d{1,2}\.\d{1,3}),(-?\d{1,3}\.\d{1,3})$/;

/** Roughly Great Britain and its islands: a remembered location outside this is not ours. */
const inBritain = ({ latitude, longitude }: Coordinates) => latitude >= 49 && latitude <= 61.5 && longitude >= -9 && longitude <= 2.5;

export function encodeGeoPostcode(label: string): string | undefined {
  return PARTIAL_POSTCODE.test(label) ? label.replace(" ", "_") : undefined;
}

export function decodeGeoPostcode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const label = value.replace("_", " ");
  return PARTIAL_POSTCODE.test(label) ? label : undefined;
}

export function encodeGeoCoordinates(coordinates: Coordinates): string {
  const { latitude, longitude } = roundedCoordinates(coordinates);
  return `${latitude},${longitude}`;
}

export function decodeGeoCoordinates(value: unknown): Coordinates | undefined {
  if (typeof value !== "string") return undefined;
  const match = COORDINATES.exec(value);
  if (!match) return undefined;
  const coordinates = { latitude: Number(match[1]), longitude: Number(match[2]) };
  return inBritain(coordinates) ? coordinates : undefined;
}

// Distances between centroids, for sorting services nearest first. A centroid is only ever a
// sector or district's middle, so distances are shown rounded, never to the metre.
import type { Coordinates } from "../postcode.ts";

const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(from: Coordinates, to: Coordinates): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type DistanceUnit = "miles" | "km";

/**
 * "0.6 miles", "12 miles", "3.1 km": one decimal under 10, whole numbers above. Under half a mile
 * (or kilometre) it says so: from a sector's middle, "0.0 miles" would claim a precision it has not.
 */
export function formatDistance(km: number, unit: DistanceUnit): string {
  const value = unit === "miles" ? km / KM_PER_MILE : km;
  if (value < 0.5) return unit === "miles" ? "less than half a mile" : "less than half a kilometre";
  const shown = value < 10 ? value.toFixed(1) : String(Math.round(value));
  return `${shown} ${unit === "miles" ? (shown === "1.0" ? "mile" : "miles") : "km"}`;
}

/** Coordinates rounded to 3 decimal places: about 110 m north–south, less east–west in Britain. */
export function roundedCoordinates({ latitude, longitude }: Coordinates): Coordinates {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { latitude: round(latitude), longitude: round(longitude) };
}

// On a service page: how far it is from the location the family asked the site to remember.
import { distanceKm, formatDistance } from "../../lib/geo/distance.ts";
import { rememberedLocation } from "./remembered-location.ts";

export function initServiceDistance(root: HTMLElement): void {
  const latitude = Number(root.dataset.latitude);
  const longitude = Number(root.dataset.longitude);
  const here = rememberedLocation();
  if (!here || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return;
  const distance = formatDistance(distanceKm(here, { latitude, longitude }), "miles");
  root.textContent = `${distance.charAt(0).toUpperCase()}${distance.slice(1)} from ${here.label}`;
  root.hidden = false;
}

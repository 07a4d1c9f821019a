// The first line of a service's card: where it is. On its own, out of service-card.ts, because the
// browser draws it with a distance and must not bundle the build's schemas with it.

/** Where a service is, as its card starts: the town and how far, or how it is used instead. */
export function cardPlace(town: string | undefined, distance: string | undefined): string {
  if (!town) return "By phone or online";
  return distance ? `${town}, ${distance} away` : town;
}

// How a family gets to use a service, in the words the service page uses.
import { ACCESS_ROUTES } from "../../content/schemas.ts";

type AccessRoute = keyof typeof ACCESS_ROUTES;

/** The short name each way in is shown under, before the sentence that explains it. */
const ROUTE_NAMES: Record<AccessRoute, string> = {
  "referral-needed": "Referral needed",
  "self-referral": "Refer yourself",
  "drop-in": "Drop in",
  "book-ahead": "Book ahead",
};

/** "drop-in" → "Drop in: you can go along without booking". */
export function accessRouteInWords(route: AccessRoute): string {
  return `${ROUTE_NAMES[route]}: ${ACCESS_ROUTES[route]}`;
}

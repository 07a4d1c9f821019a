// Runs before the page is drawn: a small classic script in the head (the CSP allows no inline
// script). It marks pages the bundle will enhance, so the styles can draw them as the bundle will
// from the first paint: the service navigation closed behind its menu button on a phone, and room
// for the cookie banner for people who have not chosen. Without it the page jumps as the bundle
// loads (Lighthouse measured a layout shift of 0.58). A page opened from disk gets no script, so
// it is left as it is.
import { CONSENT_COOKIE } from "../lib/cookies/register.ts";

if (location.protocol !== "file:") {
  const root = document.documentElement;
  root.classList.add("app-js");
  // The bundle checks the cookie's value and shows the banner itself if it is not a valid choice.
  if (!document.cookie.split(/;\s*/).some((cookie) => cookie.startsWith(`${CONSENT_COOKIE}=`))) root.classList.add("app-cookie-choice-needed");
}

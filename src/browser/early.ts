// Runs before the page is drawn: a small classic script in the head (the CSP allows no inline
// script). It marks pages the bundle will enhance, so the styles can draw them as the bundle will
// from the first paint: the service navigation closed behind its menu button on a phone, and room
// for the cookie banner for people who have not chosen (or, where the site counts visits, have not
// answered about analytics). Without it the page jumps as the bundle
// loads (Lighthouse measured a layout shift of 0.58). A page opened from disk gets no script, so
// it is left as it is.
import { CONSENT_COOKIE } from "../lib/cookies/register.ts";

if (location.protocol !== "file:") {
  const root = document.documentElement;
  root.classList.add("app-js");
  // The bundle checks the cookie's value and shows the banner itself if it is not a valid choice.
  const choice = document.cookie.split(/;\s*/).find((cookie) => cookie.startsWith(`${CONSENT_COOKIE}=`));
  const asksAnalytics = document.querySelector('meta[name="app-analytics"]') !== null;
  if (!choice || (asksAnalytics && !choice.includes("-analytics-"))) root.classList.add("app-cookie-choice-needed");
}

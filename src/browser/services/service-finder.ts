// "Services near you" on /services/ and the category pages: a postcode or the device's location,
// then every service nearest first, filtered by type, age and need, within a distance. The page
// without JavaScript lists every service by type and town; this only adds.
import { distanceKm, formatDistance, KM_PER_MILE, type DistanceUnit } from "../../lib/geo/distance.ts";
import type { DirectoryRecord } from "../../lib/geo/directory-format.ts";
import { featureCookiesAllowed } from "../cookies/cookie-jar.ts";
import { CONSENT_EVENT } from "../page-events.ts";
import { DEVICE_LOCATION_LABEL, forgetLocation, rememberedLocation, rememberLocation, type KnownLocation } from "./remembered-location.ts";
import { element } from "../dom.ts";
import { showErrorSummary } from "../error-summary.ts";

/** The postcode parser and lookup, fetched when someone first looks a postcode up: it keeps the page's own script small. */
const postcodeLookup = () => import("./locate-postcode.ts");

/** Results shown at a time; the rest come with "Show more services". */
const PAGE_SIZE = 50;
/** Beyond this from the middle of the directory's services, a location is probably a mistake. */
const FAR_AWAY_MILES = 40;

interface Service {
  url: string;
  title: string;
  town: string;
  at?: { latitude: number; longitude: number };
  categories: string[];
  needs: string[];
  minAge: number;
  maxAge: number;
}

const toService = ([url, title, town, latitude, longitude, categories, needs, minAge, maxAge]: DirectoryRecord): Service => ({
  url,
  title,
  town,
  ...(latitude !== null && longitude !== null ? { at: { latitude, longitude } } : {}),
  categories,
  needs,
  minAge,
  maxAge,
});

function part<T extends Element>(root: Element, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`service finder: no ${selector}`);
  return found;
}

export async function initServiceFinder(root: HTMLElement): Promise<void> {
  const finder = part<HTMLElement>(root, "[data-finder]");
  const form = part<HTMLFormElement>(root, "[data-finder-form]");
  const postcode = part<HTMLInputElement>(form, "[name=postcode]");
  const postcodeGroup = part<HTMLElement>(form, "[data-finder-postcode-group]");
  const errorMessage = part<HTMLElement>(form, "[data-finder-error]");
  const errorSummaryPlace = part<HTMLElement>(root, "[data-finder-error-summary]");
  const geolocate = part<HTMLButtonElement>(form, "[data-finder-geolocate]");
  const locationPanel = part<HTMLElement>(root, "[data-finder-location]");
  const rememberPanel = part<HTMLElement>(root, "[data-finder-remember]");
  const rememberStatus = part<HTMLElement>(root, "[data-finder-remember-status]");
  const count = part<HTMLElement>(root, "[data-finder-count]");
  const results = part<HTMLOListElement>(root, "[data-finder-results]");
  const more = part<HTMLButtonElement>(root, "[data-finder-more]");
  const staticList = document.querySelector<HTMLElement>("[data-finder-static]");
  const areaName = root.dataset.areaName ?? "our area";
  const pageCategory = root.dataset.category ?? "";
  const postcodeAreas = new Set((root.dataset.postcodeAreas ?? "").split(" "));

  let services: Service[];
  try {
    const response = await fetch("/services/services.json");
    if (!response.ok) throw new Error(String(response.status));
    services = ((await response.json()) as DirectoryRecord[]).map(toService);
  } catch {
    // The list without JavaScript is still there.
    return;
  }
  const located = services.filter((service) => service.at);
  const middle = located.length
    ? {
        latitude: located.reduce((sum, s) => sum + s.at!.latitude, 0) / located.length,
        longitude: located.reduce((sum, s) => sum + s.at!.longitude, 0) / located.length,
      }
    : undefined;

  let here: KnownLocation | undefined = rememberedLocation();
  let shown = 0;
  let matching: Array<{ service: Service; km?: number }> = [];

  const unit = () => ((form.elements.namedItem("units") as HTMLSelectElement | null)?.value === "km" ? ("km" as DistanceUnit) : ("miles" as DistanceUnit));
  const field = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement | null)?.value ?? "";

  const showError = (message: string) => {
    part<HTMLElement>(errorMessage, "[data-finder-error-text]").textContent = message;
    errorMessage.hidden = false;
    postcodeGroup.classList.add("govuk-form-group--error");
    postcode.classList.add("govuk-input--error");
    postcode.setAttribute("aria-describedby", "finder-postcode-hint finder-postcode-error");
    document.title = document.title.startsWith("Error: ") ? document.title : `Error: ${document.title}`;
    showErrorSummary(errorSummaryPlace, [{ message, fieldId: postcode.id }]);
  };
  const clearError = () => {
    errorSummaryPlace.replaceChildren();
    errorMessage.hidden = true;
    postcodeGroup.classList.remove("govuk-form-group--error");
    postcode.classList.remove("govuk-input--error");
    postcode.setAttribute("aria-describedby", "finder-postcode-hint");
    document.title = document.title.replace(/^Error: /, "");
  };

  const renderMore = () => {
    const page = matching.slice(shown, shown + PAGE_SIZE);
    const items = page.map(({ service, km }) => {
      const item = element("li", "app-card-list__item");
      const heading = element("h3", "govuk-heading-s govuk-!-margin-bottom-1");
      const link = element("a", "govuk-link", service.title);
      link.href = service.url;
      heading.append(link);
      const where = service.at ? `${service.town}${km === undefined ? "" : `, ${formatDistance(km, unit())} away`}` : "By phone or online";
      item.append(heading, element("p", "govuk-body-s govuk-!-margin-bottom-0", `${where}. Ages ${service.minAge} to ${service.maxAge}.`));
      return item;
    });
    results.append(...items);
    shown += page.length;
    more.hidden = shown >= matching.length;
    return items;
  };

  const render = () => {
    const age = field("age");
    const need = field("need");
    const category = pageCategory || field("category");
    const withinMiles = Number(field("within")) || Infinity;
    matching = services
      .filter(
        (service) =>
          (age === "" || (service.minAge <= Number(age) && Number(age) <= service.maxAge)) &&
          (need === "" || service.needs.includes(need)) &&
          (category === "" || service.categories.includes(category)),
      )
      .map((service) => ({ service, ...(here && service.at ? { km: distanceKm(here, service.at) } : {}) }))
      .filter(({ km }) => km === undefined || km <= withinMiles * KM_PER_MILE)
      // Nearest first; services with no place to visit (by phone or online) after those with one.
      .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.service.title.localeCompare(b.service.title));
    results.replaceChildren();
    shown = 0;
    renderMore();
    const noun = `${matching.length} service${matching.length === 1 ? "" : "s"}`;
    count.textContent = here ? `${noun}, nearest to ${here.label} first` : noun;
    locationPanel.hidden = !here;
    if (here) part<HTMLElement>(locationPanel, "[data-finder-location-text]").textContent = `Showing distances from ${here.label}.`;
  };

  const useLocation = (location: KnownLocation) => {
    here = location;
    clearError();
    rememberStatus.textContent = "";
    rememberPanel.hidden = false;
    render();
    if (middle) {
      const miles = distanceKm(location, middle) / KM_PER_MILE;
      if (miles > FAR_AWAY_MILES) showError(`Most services listed are in ${areaName}; this location is ${Math.round(miles)} miles away`);
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void postcodeLookup()
      .then(({ lookUpPostcode }) => lookUpPostcode(postcode.value, postcodeAreas))
      .catch(() => ({ ok: false as const, message: "We could not look up that postcode. Check your connection and try again" }))
      .then((found) => {
        if (!found.ok) {
          showError(found.message);
          return;
        }
        const url = new URL(location.href);
        url.searchParams.set("postcode", found.location.label);
        history.replaceState(null, "", url);
        useLocation({ latitude: found.location.latitude, longitude: found.location.longitude, label: found.location.label });
      });
  });

  form.addEventListener("change", (event) => {
    if ((event.target as HTMLElement).getAttribute("name") !== "postcode") render();
  });
  more.addEventListener("click", () => renderMore()[0]?.querySelector("a")?.focus());

  if ("geolocation" in navigator) {
    geolocate.hidden = false;
    geolocate.addEventListener("click", () => {
      navigator.geolocation.getCurrentPosition(
        (position) => useLocation({ latitude: position.coords.latitude, longitude: position.coords.longitude, label: DEVICE_LOCATION_LABEL }),
        (error) =>
          showError(
            error.code === error.PERMISSION_DENIED
              ? "You did not let this site use your location. Enter a postcode instead"
              : error.code === error.TIMEOUT
                ? "Finding your location took too long. Try again, or enter a postcode"
                : "Your device could not find your location. Enter a postcode instead",
          ),
        { timeout: 10_000, maximumAge: 600_000 },
      );
    });
  }

  part<HTMLFormElement>(rememberPanel, "form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!here) return;
    const lifetime = (rememberPanel.querySelector<HTMLInputElement>("input[name=remember]:checked")?.value ?? "session") === "days" ? "days" : "session";
    if (!featureCookiesAllowed()) {
      rememberStatus.textContent = "This site can only remember your location if you allow feature cookies. You can change that on the cookies page.";
      return;
    }
    rememberLocation(here, lifetime);
    rememberStatus.textContent =
      lifetime === "days" ? `We will remember ${here.label} on this device for 30 days.` : `We will remember ${here.label} until you close your browser.`;
  });
  part<HTMLButtonElement>(root, "[data-finder-forget]").addEventListener("click", () => {
    forgetLocation();
    here = undefined;
    postcode.value = "";
    const url = new URL(location.href);
    url.searchParams.delete("postcode");
    history.replaceState(null, "", url);
    render();
    count.textContent = `${count.textContent ?? ""}. Your location has been forgotten.`;
    postcode.focus();
  });
  document.addEventListener(CONSENT_EVENT, () => {
    if (!featureCookiesAllowed()) rememberStatus.textContent = "";
  });

  for (const note of root.querySelectorAll<HTMLElement>("[data-finder-no-js]")) note.hidden = true;
  if (staticList) staticList.hidden = true;
  finder.hidden = false;
  const typed = new URLSearchParams(location.search).get("postcode");
  if (typed) {
    postcode.value = typed.slice(0, 20);
    // The list first, as it would be without the postcode: a postcode that is wrong shows its
    // error above every service, and a right one sorts them when its area file arrives.
    render();
    form.requestSubmit();
  } else if (here) {
    postcode.value = here.label === DEVICE_LOCATION_LABEL ? "" : here.label;
    useLocation(here);
  } else {
    render();
  }
}

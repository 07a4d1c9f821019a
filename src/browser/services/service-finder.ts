// The directory's finder on /services/ and the category pages: a postcode or the device's location
// sorts services nearest first, and filters narrow them, all written into the address so a list
// can be shared, bookmarked and gone back through. The services are fetched when someone first
// uses it, not as the page loads: the page without JavaScript (the types of service, or a page of
// a category's services) is what a first visit shows.
import { distanceKm, formatDistance, KM_PER_MILE, type DistanceUnit } from "../../lib/geo/distance.ts";
import type { DirectoryRecord } from "../../lib/geo/directory-format.ts";
import {
  activeFilters,
  filtersFromParams,
  filtersToParams,
  matchesFilters,
  NO_FILTERS,
  type DirectoryFilters,
  type FilterableService,
} from "../../lib/directory/filters.ts";
import { featureCookiesAllowed } from "../cookies/cookie-jar.ts";
import { CONSENT_EVENT } from "../page-events.ts";
import { DEVICE_LOCATION_LABEL, forgetLocation, rememberedLocation, rememberLocation, type KnownLocation } from "./remembered-location.ts";
import { element } from "../dom.ts";
import { showErrorSummary } from "../error-summary.ts";
import { serviceCardItem, type CardFacts } from "./service-card.ts";
import { fillForm, filterName, filtersFromForm } from "./finder-form.ts";

/** The postcode parser and lookup, fetched when someone first looks a postcode up: it keeps the page's own script small. */
const postcodeLookup = () => import("./locate-postcode.ts");

/** Results shown at a time; the rest come with "Show more services". */
const PAGE_SIZE = 50;
/** Beyond this from the middle of the directory's services, a location is probably a mistake. */
const FAR_AWAY_MILES = 40;
const LOOKUP_FAILED = "We could not look up that postcode. Check your connection and try again";

interface Service extends FilterableService, CardFacts {
  at?: { latitude: number; longitude: number };
}

/** Where distances are measured from, and how to say so. */
interface Place extends KnownLocation {
  /** "Distances are from the middle of AL1 3, the area your postcode is in." */
  explained: string;
}

const toService = ([url, title, town, latitude, longitude, categories, needs, minAge, maxAge, features, description, facts]: DirectoryRecord): Service => ({
  url,
  title,
  town,
  ...(latitude !== null && longitude !== null ? { at: { latitude, longitude } } : {}),
  categories,
  needs,
  minAge,
  maxAge,
  features,
  description,
  facts,
});

function part<T extends Element>(root: Element, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`service finder: no ${selector}`);
  return found;
}

const placeOf = (location: KnownLocation, fromFullPostcode = false): Place => ({
  ...location,
  explained:
    location.label === DEVICE_LOCATION_LABEL
      ? "Distances are from your location."
      : `Distances are from the middle of ${location.label}${fromFullPostcode ? ", the area your postcode is in" : ""}.`,
});

let servicesLoading: Promise<Service[]> | undefined;
/** Every service, fetched once, when first needed; a failed fetch (offline) may work next time. */
function loadServices(): Promise<Service[]> {
  servicesLoading ??= fetch("/services/services.json")
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json() as Promise<DirectoryRecord[]>;
    })
    .then((records) => records.map(toService));
  servicesLoading.catch(() => (servicesLoading = undefined));
  return servicesLoading;
}

export function initServiceFinder(root: HTMLElement): void {
  const finder = part<HTMLElement>(root, "[data-finder]");
  const form = part<HTMLFormElement>(root, "[data-finder-form]");
  const postcode = part<HTMLInputElement>(form, "[name=postcode]");
  const postcodeGroup = part<HTMLElement>(form, "[data-finder-postcode-group]");
  const errorMessage = part<HTMLElement>(form, "[data-finder-error]");
  const errorSummaryPlace = part<HTMLElement>(root, "[data-finder-error-summary]");
  const geolocate = part<HTMLButtonElement>(form, "[data-finder-geolocate]");
  const toggle = part<HTMLButtonElement>(form, "[data-finder-toggle]");
  const filterPanel = part<HTMLElement>(form, "[data-finder-filters]");
  const filterCount = part<HTMLElement>(toggle, "[data-finder-filter-count]");
  const summary = part<HTMLElement>(root, "[data-finder-summary]");
  const activeList = part<HTMLUListElement>(summary, "[data-finder-active]");
  const resultsRegion = part<HTMLElement>(root, "[data-finder-results-region]");
  const locationText = part<HTMLElement>(resultsRegion, "[data-finder-location-text]");
  const count = part<HTMLElement>(resultsRegion, "[data-finder-count]");
  const results = part<HTMLOListElement>(resultsRegion, "[data-finder-results]");
  const more = part<HTMLButtonElement>(resultsRegion, "[data-finder-more]");
  const locationPanel = part<HTMLElement>(root, "[data-finder-location]");
  const rememberPanel = part<HTMLElement>(root, "[data-finder-remember]");
  const rememberStatus = part<HTMLElement>(root, "[data-finder-remember-status]");
  const staticList = document.querySelector<HTMLElement>("[data-finder-static]");
  const areaName = root.dataset.areaName ?? "our area";
  const pageCategory = root.dataset.category ?? "";
  const postcodeAreas = new Set((root.dataset.postcodeAreas ?? "").split(" "));

  const remembered = rememberedLocation();
  let here: Place | undefined = remembered && placeOf(remembered);
  /** The filters shown; on a category page, the page's category is not one of them. */
  let filters: DirectoryFilters = NO_FILTERS;
  let shown = 0;
  let matching: Array<{ service: Service; km?: number }> = [];

  const unit = (): DistanceUnit => ((form.elements.namedItem("units") as HTMLSelectElement | null)?.value === "km" ? "km" : "miles");
  const fromAddress = () => {
    const read = filtersFromParams(new URLSearchParams(location.search));
    return pageCategory ? { ...read, category: "" } : read;
  };

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
    const items = page.map(({ service, km }) => serviceCardItem(service, km === undefined ? undefined : formatDistance(km, unit())));
    results.append(...items);
    shown += page.length;
    more.hidden = shown >= matching.length;
    return items;
  };

  const setOpen = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    filterPanel.hidden = !open;
  };

  /** The summary of filters that are on, each with a button that takes it off. */
  const renderSummary = () => {
    const active = activeFilters(filters);
    filterCount.textContent = active.length ? ` (${active.length} on)` : "";
    summary.hidden = active.length === 0;
    activeList.replaceChildren(
      ...active.map((filter) => {
        const button = element("button", "app-service-finder__tag", undefined, { type: "button" });
        button.append(element("span", "govuk-visually-hidden", "Remove filter: "), filterName(form, filter));
        button.addEventListener("click", () => {
          fillForm(form, filter.without);
          void show(filter.without, { history: "push", focus: true });
        });
        const item = element("li");
        item.append(button);
        return item;
      }),
    );
  };

  /** Filters and sorts every service and draws the first page of them; the services must have arrived. */
  const render = (services: readonly Service[]) => {
    const withinKm = (Number(filters.distance) || Infinity) * KM_PER_MILE;
    const asked = pageCategory ? { ...filters, category: pageCategory } : filters;
    matching = services
      .filter((service) => matchesFilters(service, asked))
      .map((service) => ({ service, ...(here && service.at ? { km: distanceKm(here, service.at) } : {}) }))
      .filter(({ km }) => km === undefined || km <= withinKm)
      // Nearest first; services with no place to visit (by phone or online) after those with one.
      .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.service.title.localeCompare(b.service.title));
    results.replaceChildren();
    shown = 0;
    renderMore();
    const noun = `${matching.length} service${matching.length === 1 ? "" : "s"}`;
    count.textContent = here ? `${noun}, nearest to ${here.label} first` : noun;
    locationText.textContent = here?.explained ?? "";
    locationText.hidden = !here;
    locationPanel.hidden = !here;
    resultsRegion.hidden = false;
    if (staticList) staticList.hidden = true;
  };

  /** Brings the results to someone who asked for them: the heading, with the count, takes focus. */
  const focusResults = () => {
    count.focus();
    count.scrollIntoView({ block: "start" });
  };

  /** Looks up a postcode; the error is shown and undefined returned when it cannot be found. */
  const lookUp = async (typed: string): Promise<Place | undefined> => {
    const found = await postcodeLookup()
      .then(({ lookUpPostcode }) => lookUpPostcode(typed, postcodeAreas))
      .catch(() => ({ ok: false as const, message: LOOKUP_FAILED }));
    if (!found.ok) {
      showError(found.message);
      return undefined;
    }
    const { latitude, longitude, label } = found.location;
    return placeOf({ latitude, longitude, label }, found.fromFullPostcode);
  };

  /** Whether the place is far from the directory's services, which is probably a mistake: then an error says so. */
  const warnIfFar = (services: readonly Service[], place: Place) => {
    const located = services.flatMap((service) => (service.at ? [service.at] : []));
    if (!located.length) return false;
    const middle = {
      latitude: located.reduce((sum, at) => sum + at.latitude, 0) / located.length,
      longitude: located.reduce((sum, at) => sum + at.longitude, 0) / located.length,
    };
    const miles = distanceKm(place, middle) / KM_PER_MILE;
    if (miles <= FAR_AWAY_MILES) return false;
    showError(`Most services listed are in ${areaName}; this location is ${Math.round(miles)} miles away`);
    return true;
  };

  /**
   * Shows the services these filters let through. A postcode that is not the one already in use is
   * looked up first; `history` says how the address follows, `focus` whether the results take focus.
   */
  const show = async (next: DirectoryFilters, how: { history: "push" | "replace" | "none"; focus: boolean; postcodeNeeded?: boolean }) => {
    clearError();
    let place = here;
    if (next.postcode === "") {
      if (how.postcodeNeeded) {
        showError("Enter a postcode, like AL1 3JE, or the first part of it, like AL1 3 or AL1");
        return;
      }
      // A cleared box drops a postcode, not the device's location.
      if (place && place.label !== DEVICE_LOCATION_LABEL) place = undefined;
    } else if (next.postcode !== here?.label || how.postcodeNeeded) {
      place = await lookUp(next.postcode);
    }
    let services: Service[];
    try {
      services = await loadServices();
    } catch {
      showError(LOOKUP_FAILED.replace("look up that postcode", "load the services"));
      return;
    }
    // A postcode that could not be found: the list as it would be without it, under the error.
    const lookupFailed = next.postcode !== "" && !place;
    filters = place && place.label !== DEVICE_LOCATION_LABEL ? { ...next, postcode: place.label } : next;
    const moved = !lookupFailed && place !== here;
    if (moved) {
      rememberStatus.textContent = "";
      here = place;
    }
    rememberPanel.hidden = !here;
    if (here) postcode.value = here.label === DEVICE_LOCATION_LABEL ? "" : here.label;
    if (how.history !== "none") {
      const query = filtersToParams({ ...filters, ...(lookupFailed ? { postcode: next.postcode } : {}) }).toString();
      const url = `${location.pathname}${query ? `?${query}` : ""}`;
      if (url !== `${location.pathname}${location.search}`) history[how.history === "push" ? "pushState" : "replaceState"](null, "", url);
    }
    renderSummary();
    render(services);
    if (lookupFailed || (moved && here && warnIfFar(services, here))) return;
    if (how.focus) focusResults();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const sorting = (event as SubmitEvent).submitter?.hasAttribute("data-finder-sort") ?? false;
    void show(filtersFromForm(form), { history: "push", focus: true, postcodeNeeded: sorting });
  });
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  part<HTMLButtonElement>(summary, "[data-finder-clear]").addEventListener("click", () => {
    fillForm(form, { ...NO_FILTERS, postcode: filters.postcode });
    void show({ ...NO_FILTERS, postcode: filters.postcode }, { history: "push", focus: true });
  });
  more.addEventListener("click", () => renderMore()[0]?.querySelector("a")?.focus());
  window.addEventListener("popstate", () => {
    const next = fromAddress();
    fillForm(form, next);
    void show(next, { history: "none", focus: false });
  });

  if ("geolocation" in navigator) {
    geolocate.hidden = false;
    geolocate.addEventListener("click", () => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          here = placeOf({ latitude: position.coords.latitude, longitude: position.coords.longitude, label: DEVICE_LOCATION_LABEL });
          rememberStatus.textContent = "";
          postcode.value = "";
          // The device's location stays out of the address: it is more exact than a postcode's sector.
          void show({ ...filtersFromForm(form), postcode: "" }, { history: "push", focus: true });
        },
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
    void show({ ...filters, postcode: "" }, { history: "replace", focus: false }).then(() => {
      count.textContent = `${count.textContent ?? ""}. Your location has been forgotten.`;
      postcode.focus();
    });
  });
  document.addEventListener(CONSENT_EVENT, () => {
    if (!featureCookiesAllowed()) rememberStatus.textContent = "";
  });

  for (const note of root.querySelectorAll<HTMLElement>("[data-finder-no-js]")) note.hidden = true;
  finder.hidden = false;
  // The styles draw the form before this runs; tests wait for this to know its buttons work.
  root.dataset.finderReady = "";
  const asked = fromAddress();
  fillForm(form, asked);
  if (here && asked.postcode === "") {
    // A remembered location sorts the directory at once, as the family asked.
    void show({ ...asked, postcode: here.label === DEVICE_LOCATION_LABEL ? "" : here.label }, { history: "none", focus: false });
  } else if (activeFilters(asked).length > 0 || asked.postcode !== "") {
    void show(asked, { history: "none", focus: false });
  }
}

// The directory's filters as the address holds them (/services/?postcode=AL1+3&need=autism&free=yes),
// and which services they let through. Pure: the finder in the browser and the unit tests share it.

/** When a service runs, as families ask: the `when` values, in the order the form lists them. */
export const WHEN_FILTERS = ["weekdays", "after-school", "weekends", "school-holidays"] as const;
/** The venue features families filter by: ids from content/_data/lists/accessibility.yaml. */
export const ACCESS_FILTERS = ["step-free-access", "changing-places-toilet", "quiet-times"] as const;
/** "Within" distances the form offers, in miles. */
export const DISTANCE_FILTERS = ["1", "3", "5", "10", "25"] as const;

/** Everything a service is that a yes-or-no filter asks about; worked out at build time. */
export type ServiceFeature = (typeof WHEN_FILTERS)[number] | (typeof ACCESS_FILTERS)[number] | "free" | "online";

export interface DirectoryFilters {
  /** As typed or as the site keeps it: a sector ("AL1 3") or district ("AL1"), never stored. */
  postcode: string;
  age: string;
  need: string;
  category: string;
  distance: string;
  free: boolean;
  when: string[];
  access: string[];
  online: boolean;
}

/** The facts of a service the filters read. */
export interface FilterableService {
  categories: readonly string[];
  needs: readonly string[];
  minAge: number;
  maxAge: number;
  features: readonly string[];
}

export const NO_FILTERS: DirectoryFilters = { postcode: "", age: "", need: "", category: "", distance: "", free: false, when: [], access: [], online: false };

const ID = /^[a-z0-9][a-z0-9-]{0,60}$/;

/** Reads the address's filters, keeping only values the form could have sent. */
export function filtersFromParams(params: URLSearchParams): DirectoryFilters {
  const one = (name: string, valid: (value: string) => boolean) => {
    const value = params.get(name)?.trim() ?? "";
    return valid(value) ? value : "";
  };
  const some = (name: string, allowed: readonly string[]) => allowed.filter((value) => params.getAll(name).includes(value));
  return {
    postcode: (params.get("postcode") ?? "").trim().slice(0, 20),
    age: one("age", (value) => /^\d{1,2}$/.test(value) && Number(value) <= 25),
    need: one("need", (value) => ID.test(value)),
    category: one("category", (value) => ID.test(value)),
    distance: one("distance", (value) => (DISTANCE_FILTERS as readonly string[]).includes(value)),
    free: params.get("free") === "yes",
    when: some("when", WHEN_FILTERS),
    access: some("access", ACCESS_FILTERS),
    online: params.get("online") === "yes",
  };
}

/** The address's query for the filters, in the form's order, leaving out those not set. */
export function filtersToParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["postcode", "category", "need", "age", "distance"] as const) if (filters[name]) params.set(name, filters[name]);
  if (filters.free) params.set("free", "yes");
  for (const value of filters.when) params.append("when", value);
  for (const value of filters.access) params.append("access", value);
  if (filters.online) params.set("online", "yes");
  return params;
}

/** Whether a service passes every filter but distance, which needs a location. */
export function matchesFilters(service: FilterableService, filters: DirectoryFilters): boolean {
  const age = Number(filters.age);
  return (
    (filters.age === "" || (service.minAge <= age && age <= service.maxAge)) &&
    (filters.need === "" || service.needs.includes(filters.need)) &&
    (filters.category === "" || service.categories.includes(filters.category)) &&
    (!filters.free || service.features.includes("free")) &&
    (!filters.online || service.features.includes("online")) &&
    // Any of the times asked for will do; every access feature asked for is needed.
    (filters.when.length === 0 || filters.when.some((when) => service.features.includes(when))) &&
    filters.access.every((feature) => service.features.includes(feature))
  );
}

/** One filter that is on, and the filters without it. */
export interface ActiveFilter {
  name: keyof DirectoryFilters;
  value: string;
  without: DirectoryFilters;
}

/** The filters that are on, each once, in the form's order; the postcode is not a filter. */
export function activeFilters(filters: DirectoryFilters): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const name of ["category", "need", "age", "distance"] as const) {
    if (filters[name]) active.push({ name, value: filters[name], without: { ...filters, [name]: "" } });
  }
  if (filters.free) active.push({ name: "free", value: "yes", without: { ...filters, free: false } });
  for (const name of ["when", "access"] as const) {
    for (const value of filters[name]) active.push({ name, value, without: { ...filters, [name]: filters[name].filter((other) => other !== value) } });
  }
  if (filters.online) active.push({ name: "online", value: "yes", without: { ...filters, online: false } });
  return active;
}

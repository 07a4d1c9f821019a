// The finder's form and the address, both ways: the form's names are the address's, so reading
// the form is reading a query, and what the summary calls each filter is the form's own words.
import { filtersFromParams, type ActiveFilter, type DirectoryFilters } from "../../lib/directory/filters.ts";

export function filtersFromForm(form: HTMLFormElement): DirectoryFilters {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
  return filtersFromParams(params);
}

export function fillForm(form: HTMLFormElement, filters: DirectoryFilters): void {
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]")) {
    const name = field.name as keyof DirectoryFilters;
    if (!(name in filters)) continue;
    const value = filters[name];
    if (field instanceof HTMLInputElement && field.type === "checkbox") {
      field.checked = Array.isArray(value) ? value.includes(field.value) : value === true;
    } else if (typeof value === "string") {
      field.value = value;
    }
  }
}

/** "Autism", "7 years old", "Free only": the words of the option or box that set the filter. */
export function filterName(form: HTMLFormElement, filter: ActiveFilter): string {
  const field = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${filter.name}"]`)];
  for (const control of field) {
    if (control instanceof HTMLSelectElement) {
      const option = [...control.options].find((candidate) => candidate.value === filter.value);
      if (option) return option.text;
    } else if (control.value === filter.value) {
      return control.labels?.[0]?.textContent?.trim() ?? filter.value;
    }
  }
  // A category or need from a shared link that this page's form does not offer.
  return filter.value;
}

// The category pages the directory has without JavaScript: each category's services, 50 to a
// page, so a county's 3,000 services never make one long page for a phone to download.
import { categoryUrl } from "../../content/model.ts";

/** Services a category page lists: a page of GOV.UK's length, small enough for a slow phone. */
export const CATEGORY_PAGE_SIZE = 50;

export interface CategoryListing<Category, Service> {
  category: Category;
  services: Service[];
  /** Counting from 1. */
  pageNumber: number;
  /** The number of the page's first service in the category, counting from 1. */
  first: number;
  pageCount: number;
  /** Every page's address in order: /services/category/<id>/, then …/page-2/ and on. */
  pageUrls: string[];
  /** How many services the category has on all its pages. */
  total: number;
  /** GOV.UK pagination's items: the first, last, this and next-door pages, with a gap between. */
  pageItems: PaginationItem[];
}

export type PaginationItem = { number: number; href: string; current: boolean } | { ellipsis: true };

/** Pages 1, 2, 3 … 14 for page 2 of 14: GOV.UK's pattern, so a big category's links fit a phone. */
export function paginationItems(pageUrls: readonly string[], pageNumber: number): PaginationItem[] {
  const items: PaginationItem[] = [];
  pageUrls.forEach((href, index) => {
    const number = index + 1;
    if (number === 1 || number === pageUrls.length || Math.abs(number - pageNumber) <= 1) items.push({ number, href, current: number === pageNumber });
    else if (!("ellipsis" in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  });
  return items;
}

export function categoryPageUrl(categoryId: string, pageNumber: number): string {
  return pageNumber === 1 ? categoryUrl(categoryId) : `${categoryUrl(categoryId)}page-${pageNumber}/`;
}

/** One listing a page, every category with at least one page (an empty category says it is empty). */
export function categoryListings<Category extends { id: string }, Service>(
  categories: readonly Category[],
  servicesIn: (category: Category) => Service[],
  size = CATEGORY_PAGE_SIZE,
): Array<CategoryListing<Category, Service>> {
  return categories.flatMap((category) => {
    const services = servicesIn(category);
    const pageCount = Math.max(1, Math.ceil(services.length / size));
    const pageUrls = Array.from({ length: pageCount }, (_, index) => categoryPageUrl(category.id, index + 1));
    return pageUrls.map((_, index) => ({
      category,
      services: services.slice(index * size, (index + 1) * size),
      pageNumber: index + 1,
      first: index * size + 1,
      pageCount,
      pageUrls,
      total: services.length,
      pageItems: paginationItems(pageUrls, index + 1),
    }));
  });
}

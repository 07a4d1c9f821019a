// The analytics provider's cookies, as the cookie jar deletes them when a family says no. Apart from
// the providers' definitions (providers.ts) so that every page's script, which holds the cookie
// jar, carries these few lines and not the providers' words.

/** Whether a cookie is one an analytics provider sets: GA4's `_ga` and `_ga_<container>`. */
export const isAnalyticsCookie = (name: string) => /^_ga(?:_[A-Z0-9]{4,12})?$/.test(name);

/**
 * The domains a cookie set for this host may sit on: the host, then each parent down to two labels
 * (GA4 writes its cookies on the highest domain it may, such as hartsfield.gov.uk for
 * localoffer.hartsfield.gov.uk). Browsers refuse a cookie on a public suffix such as gov.uk, and
 * so ignore deleting one there. An IP address or a single-label host has no parents.
 */
export function cookieDomainsFor(hostname: string): string[] {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(":") || !hostname.includes(".")) return [];
  const labels = hostname.split(".");
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
}

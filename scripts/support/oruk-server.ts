// A local Open Referral UK API for the import's tests and benchmark: /services?page=N&per_page=M
// gives list items (one-to-one fields only), /services/{id} gives each service whole. `pageSize`
// makes it answer pages of its own size whatever per_page asks, as many servers do; `answer` lets a
// test break one request (an HTTP error, a page that never comes).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { listItemOf, servicesPage } from "./oruk-services.ts";

export interface OrukServer {
  /** The /services endpoint, such as http://127.0.0.1:4123/services */
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Return true when it has answered the request itself. */
export type Answer = (url: URL, response: ServerResponse) => boolean;

export async function serveOrukFeed(
  services: readonly Record<string, unknown>[],
  { pageSize, answer = () => false }: { pageSize?: number; answer?: Answer } = {},
): Promise<OrukServer> {
  const byId = new Map(services.map((service) => [String(service.id), service]));
  const requests: string[] = [];
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(`${url.pathname}${url.search}`);
    if (answer(url, response)) return;
    if (url.pathname === "/services") {
      const page = Number(url.searchParams.get("page") ?? 1);
      const perPage = pageSize ?? Number(url.searchParams.get("per_page") ?? 50);
      return json(response, 200, servicesPage(services, page, perPage, listItemOf));
    }
    const service = /^\/services\/([^/]+)$/.exec(url.pathname);
    const found = service && byId.get(decodeURIComponent(service[1]!));
    if (found) return json(response, 200, found);
    json(response, 404, { message: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

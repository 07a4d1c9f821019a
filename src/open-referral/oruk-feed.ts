// Reads an Open Referral UK feed whole: a saved /services page or service (JSON file), a folder of
// them, or a /services endpoint, following its pages and fetching /services/{id} for list items that
// lack the nested fields. Anything wrong (not JSON, the wrong shape, an HTTP or network error, no
// answer in time) is a FeedError with one line naming the file or address, and nothing is returned,
// so the import changes nothing.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export class FeedError extends Error {
  override name = "FeedError";
}

export interface Feed {
  /** What importedFrom says: the feed's address, or the file or folder as given (relative to the project when inside it). */
  label: string;
  records: unknown[];
}

export interface FeedOptions {
  /** Paths inside this folder are labelled relative to it. */
  projectDir: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  /** Services fetched at once from /services/{id}. */
  concurrency: number;
  perPage: number;
}

/** The fields /services/{id} nests and the /services list leaves out. */
const NESTED_FIELDS = ["service_at_locations", "attributes", "schedules", "cost_options", "contacts", "languages", "service_areas", "phones", "funding"];
/** A feed that says it has more pages than this is not believed. */
const MAX_PAGES = 10_000;
/** An answer larger than this is not a page of services, and would only fill the memory. */
const MAX_ANSWER_BYTES = 50 * 1024 * 1024;

const SHAPE = "expected an Open Referral UK /services page with contents, or one service with id and name";

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const isPage = (value: unknown): value is Json & { contents: unknown[] } => isRecord(value) && Array.isArray(value.contents);
const isService = (value: unknown): value is Json => isRecord(value) && typeof value.id === "string" && typeof value.name === "string";

/** Whether a record is as /services/{id} gives it, not a list item with one-to-one fields only. */
export const isNested = (service: Json) => NESTED_FIELDS.some((field) => Array.isArray(service[field]));

/** The services in one JSON document: a page's contents, or the one service. */
function servicesIn(json: unknown, where: string): Json[] {
  if (isPage(json)) {
    const bad = json.contents.findIndex((item) => !isRecord(item));
    if (bad !== -1) throw new FeedError(`${where}: item ${bad + 1} of contents is not a service (${SHAPE})`);
    return json.contents as Json[];
  }
  if (isService(json)) return [json];
  throw new FeedError(`${where}: not an Open Referral UK feed (${SHAPE})`);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FeedError(`${where}: not JSON (${(error as Error).message})`);
  }
}

export async function readFeed(source: string, options: FeedOptions): Promise<Feed> {
  if (/^https?:\/\//i.test(source)) return readEndpoint(source, options);
  const absolute = path.resolve(source);
  const relative = path.relative(options.projectDir, absolute);
  const label = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : absolute;
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new FeedError(`${source}: no such file or folder (expected a JSON file, a folder of them, or an https:// address)`);
  const files = info.isDirectory()
    ? (await readdir(absolute))
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => path.join(absolute, name))
    : [absolute];
  if (files.length === 0) throw new FeedError(`${source}: the folder has no .json files (expected saved /services pages or services)`);
  const records: unknown[] = [];
  for (const file of files) {
    const where = info.isDirectory() ? path.join(source, path.basename(file)) : source;
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new FeedError(`${where}: cannot be read (${error.code ?? error.message})`);
    });
    records.push(...servicesIn(parseJson(text, where), where));
  }
  return { label, records };
}

/** Why a request failed, in a few words. */
function failure(error: unknown, timeoutMs: number): string {
  const { name, cause, message } = error as Error & { cause?: { code?: string; message?: string } };
  if (name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
  if (cause?.code) return `could not connect (${cause.code})`;
  return `the request failed (${cause?.message ?? message})`;
}

async function answerText(response: Response, where: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new FeedError(`${where}: the answer is over ${MAX_ANSWER_BYTES / 1024 / 1024} MB (expected a page of services)`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function getJson(url: URL, options: FeedOptions, signal: AbortSignal): Promise<unknown> {
  const where = url.href;
  try {
    const response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]) });
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedError(`${where}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    }
    return parseJson(await answerText(response, where), where);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(`${where}: ${failure(error, options.timeoutMs)}`);
  }
}

/** Runs task on every item, at most `limit` at once; the first failure stops the others. */
async function eachLimited<T, R>(items: readonly T[], limit: number, task: (item: T, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const stop = new AbortController();
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop.signal.aborted) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, stop.signal);
      } catch (error) {
        stop.abort();
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  const settled = await Promise.allSettled(workers);
  // The first failure, not an abort it caused in another request.
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected" && outcome.reason instanceof FeedError);
  const other = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed ?? other) throw (failed ?? other)!.reason;
  return results;
}

async function readEndpoint(source: string, options: FeedOptions): Promise<Feed> {
  const endpoint = new URL(source);
  endpoint.searchParams.delete("page");
  endpoint.searchParams.delete("per_page");
  const pageUrl = (page: number) => {
    const url = new URL(endpoint);
    url.searchParams.set("page", String(page));
    url.searchParams.set("per_page", String(options.perPage));
    return url;
  };
  const readPage = async (page: number, signal: AbortSignal) => {
    const url = pageUrl(page);
    const json = await getJson(url, options, signal);
    if (!isPage(json)) throw new FeedError(`${url.href}: not a /services page (${SHAPE})`);
    if (json.page_number !== undefined && json.page_number !== page)
      throw new FeedError(`${url.href}: answered with page ${String(json.page_number)}, not page ${page}`);
    return json;
  };

  const never = new AbortController().signal;
  const first = await readPage(1, never);
  const pages = [first];
  const total = first.total_pages;
  if (typeof total === "number" && Number.isInteger(total)) {
    if (total > MAX_PAGES) throw new FeedError(`${pageUrl(1).href}: says it has ${total} pages (expected at most ${MAX_PAGES})`);
    const rest = Array.from({ length: Math.max(0, total - 1) }, (_, index) => index + 2);
    pages.push(...(await eachLimited(rest, options.concurrency, readPage)));
  } else {
    // No page count: follow the pages until the last one says so, or is empty.
    for (let page = 2; pages.at(-1)!.last_page === false && pages.at(-1)!.contents.length > 0; page++) {
      if (page > MAX_PAGES) throw new FeedError(`${pageUrl(page).href}: more than ${MAX_PAGES} pages (expected the last page to say last_page: true)`);
      pages.push(await readPage(page, never));
    }
  }

  const listed = pages.flatMap((page, index) => servicesIn(page, pageUrl(index + 1).href));
  const base = endpoint.pathname.replace(/\/+$/, "");
  const records = await eachLimited(listed, options.concurrency, async (item, signal) => {
    if (isNested(item) || typeof item.id !== "string") return item;
    const url = new URL(`${base}/${encodeURIComponent(item.id)}`, endpoint);
    const service = await getJson(url, options, signal);
    if (!isService(service) || service.id !== item.id) throw new FeedError(`${url.href}: not the service ${item.id} (${SHAPE})`);
    return service;
  });
  return { label: endpoint.href, records };
}

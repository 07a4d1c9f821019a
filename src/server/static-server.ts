// A small static server for _site/ that behaves like Netlify where it matters for testing: the
// headers and rewrites from netlify.toml, the headers in the site's own _headers file, pretty URLs
// (/page/ serves /page/index.html), the 404 page and compressed text.
// `npm start` listens on the machine's loopback only, but any page open in the editor's browser can
// send it requests, so it reads nothing outside the served folder and answers only GET and HEAD,
// and, given a form inbox, POSTs of the site's own forms from its own pages (form-inbox.ts).
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import type { FormInbox } from "./form-inbox.ts";
import { HEADERS_FILE_URL, headersFor, parseHeadersFile, type HeaderRule } from "./netlify-headers.ts";
import { rewriteOf, type RewriteRule } from "./netlify-rewrites.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".zip": "application/zip",
  ".webmanifest": "application/manifest+json",
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

function acceptedEncoding(accepted: string | undefined): "br" | "gzip" | undefined {
  const names = (accepted ?? "").split(",").map((part) => part.split(";")[0]!.trim());
  return names.includes("br") ? "br" : names.includes("gzip") ? "gzip" : undefined;
}

/**
 * The path a request asks for, decoded, or undefined if it is malformed: not a path from the root,
 * bad percent-encoding, a control character or backslash (no file in a site has one; Windows would
 * read a backslash as a folder), or not already in normal form ("//", "." or ".." segments, which
 * browsers resolve before sending, so only a hand-made request has them, encoded or not).
 */
function requestedPath(rawPath: string): string | undefined {
  if (!rawPath.startsWith("/")) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return undefined;
  return path.posix.normalize(decoded) === decoded ? decoded : undefined;
}

/**
 * The real path of a file inside the served folder, or undefined if there is no such file.
 * Symlinks are followed before the check, so a link to a file outside the folder is not served.
 * The folder's own real path is found on each request: a build replaces it, and may not have
 * made it yet when the server starts.
 */
async function servableFile(siteRoot: string, file: string): Promise<string | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(siteRoot), realpath(file)]);
    // As on Netlify, the headers file is read, never served.
    if (!realFile.startsWith(realRoot + path.sep) || realFile === path.join(realRoot, HEADERS_FILE_URL)) return undefined;
    return (await stat(realFile)).isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `tomlRules` are netlify.toml's; the site's own `_headers` file (the build writes the
 * Content-Security-Policy there) is read on each request, as a build may replace it, and its rules
 * come first, as on Netlify. While a build swaps the folder and the file is briefly not there, the
 * last rules read are kept, so no page goes out without its policy. inbox: where the site's forms
 * go, as Netlify Forms would take them; without one, a POST is refused like any other.
 */
export function createStaticServer(root: string, tomlRules: HeaderRule[], rewrites: readonly RewriteRule[] = [], inbox?: FormInbox): http.Server {
  const siteRoot = path.resolve(root);
  let siteRules: HeaderRule[] = [];
  return http.createServer(async (request, response) => {
    siteRules = await readFile(path.join(siteRoot, HEADERS_FILE_URL), "utf8").then(parseHeadersFile, () => siteRules);
    const rules = [...siteRules, ...tomlRules];
    const target = request.url ?? "/";
    const queryAt = target.indexOf("?");
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = queryAt === -1 ? "" : target.slice(queryAt);
    const refuse = (status: number, message: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { ...headersFor(rawPath, rules), "Content-Type": "text/plain; charset=utf-8", ...headers });
      response.end(message);
    };
    // A static site only has files to read, and forms for Netlify to take; a server that said yes
    // to any other POST, or to PUT or DELETE, would hide a page that sends one by mistake.
    const allowed = inbox ? ["GET", "HEAD", "POST"] : ["GET", "HEAD"];
    if (!allowed.includes(request.method ?? "")) return refuse(405, "Method not allowed", { Allow: allowed.join(", ") });
    const pathname = requestedPath(rawPath);
    if (pathname === undefined) return refuse(400, "Bad request");
    if (request.method === "POST" && inbox) {
      const reply = await inbox.receive(request, pathname).catch(() => ({ status: 500 as const, message: "The form could not be stored." }));
      if (reply.status !== 303) return refuse(reply.status, reply.message);
      response.writeHead(303, { ...headersFor(rawPath, rules), Location: reply.location });
      return response.end();
    }

    const send = async (file: string, status: number) => {
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      // Text is compressed, as Netlify does, so Lighthouse and the benchmark see what families download.
      const encoding = COMPRESSIBLE.test(type) ? acceptedEncoding(request.headers["accept-encoding"]) : undefined;
      response.writeHead(status, {
        ...headersFor(rawPath, rules),
        "Content-Type": type,
        Vary: "Accept-Encoding",
        ...(encoding ? { "Content-Encoding": encoding } : {}),
      });
      if (request.method === "HEAD") return response.end();
      // A rebuild can swap the folder between finding a file and reading it: the request ends
      // early rather than taking the server down.
      const contents = createReadStream(file).on("error", () => response.destroy());
      if (encoding === "br") contents.pipe(zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })).pipe(response);
      else if (encoding === "gzip") contents.pipe(zlib.createGzip()).pipe(response);
      else contents.pipe(response);
    };

    const file = path.join(siteRoot, pathname);
    const asked = pathname.endsWith("/") ? await servableFile(siteRoot, path.join(file, "index.html")) : await servableFile(siteRoot, file);
    if (asked) return send(asked, 200);
    if (!pathname.endsWith("/") && (await servableFile(siteRoot, path.join(file, "index.html")))) {
      response.writeHead(301, { ...headersFor(rawPath, rules), Location: `${rawPath}/${query}` });
      return response.end();
    }
    // As on Netlify, a rewrite serves another file at this address, only where no file has it; a
    // rewritten path must be in normal form too, as a query value can put ".." in it.
    const rewritten = rewriteOf(pathname, query, rewrites);
    const rewrittenFile =
      rewritten !== undefined && requestedPath(rewritten) === rewritten ? await servableFile(siteRoot, path.join(siteRoot, rewritten)) : undefined;
    if (rewrittenFile) return send(rewrittenFile, 200);
    const notFoundPage = await servableFile(siteRoot, path.join(siteRoot, "404.html"));
    if (notFoundPage) return send(notFoundPage, 404);
    refuse(404, "Not found");
  });
}

/** Listens on 127.0.0.1 (port 0 picks a free one) and resolves with the base URL. */
export async function listen(server: http.Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

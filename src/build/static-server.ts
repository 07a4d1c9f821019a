// A small static server for _site/ that behaves like Netlify where it matters for testing: the
// headers from netlify.toml, pretty URLs (/page/ serves /page/index.html), the 404 page and compressed text.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { headersFor, type HeaderRule } from "./netlify-headers.ts";

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
  ".zip": "application/zip",
  ".webmanifest": "application/manifest+json",
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

function acceptedEncoding(accepted: string | undefined): "br" | "gzip" | undefined {
  const names = (accepted ?? "").split(",").map((part) => part.split(";")[0]!.trim());
  return names.includes("br") ? "br" : names.includes("gzip") ? "gzip" : undefined;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile(), () => false);
}

export function createStaticServer(root: string, rules: HeaderRule[]): http.Server {
  const siteRoot = path.resolve(root);
  return http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = "/404.html";
    }
    const send = async (file: string, status: number) => {
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      // Text is compressed, as Netlify does, so Lighthouse and the benchmark see what families download.
      const encoding = COMPRESSIBLE.test(type) ? acceptedEncoding(request.headers["accept-encoding"]) : undefined;
      response.writeHead(status, { ...headersFor(url.pathname, rules), "Content-Type": type, Vary: "Accept-Encoding", ...(encoding ? { "Content-Encoding": encoding } : {}) });
      if (request.method === "HEAD") return response.end();
      // A rebuild can swap the folder between finding a file and reading it: the request ends
      // early rather than taking the server down.
      const contents = createReadStream(file).on("error", () => response.destroy());
      if (encoding === "br") contents.pipe(zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })).pipe(response);
      else if (encoding === "gzip") contents.pipe(zlib.createGzip()).pipe(response);
      else contents.pipe(response);
    };

    const file = path.join(siteRoot, pathname);
    if (!file.startsWith(siteRoot + path.sep) && file !== siteRoot) return send(path.join(siteRoot, "404.html"), 404);
    if (pathname.endsWith("/") && (await isFile(path.join(file, "index.html")))) return send(path.join(file, "index.html"), 200);
    if (!pathname.endsWith("/") && (await isFile(file))) return send(file, 200);
    if (!pathname.endsWith("/") && (await isFile(path.join(file, "index.html")))) {
      response.writeHead(301, { ...headersFor(url.pathname, rules), Location: `${url.pathname}/${url.search}` });
      return response.end();
    }
    if (await isFile(path.join(siteRoot, "404.html"))) return send(path.join(siteRoot, "404.html"), 404);
    response.writeHead(404, { ...headersFor(url.pathname, rules), "Content-Type": "text/plain; charset=utf-8" });
    response.end("Not found");
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

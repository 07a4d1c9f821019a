// What content/ may hold: Markdown pages, the known YAML data files, ready reckoners, and pictures
// and documents whose first bytes are what their extension says, each under a size limit. Content
// comes from pull requests by people the council does not know, so anything else is an error that
// names the file: code, templates, symbolic links (which could bring in files from anywhere on the
// build machine) and names that are not plain lower-case words.
import { lstatSync } from "node:fs";
import { open, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DATA_FILES, DATA_FOLDER } from "./data-files.ts";
import { displayPath } from "./content-files.ts";
import type { ContentProblem } from "./problems.ts";
import { RECKONERS_FOLDER } from "./reckoners/reckoner-files.ts";

const MEGABYTE = 1024 * 1024;

/** Text editors write: a page or a data file. Larger than this is not a page but something pasted in. */
const TEXT_LIMIT = MEGABYTE;
/** A picture or document for families to download on a phone. */
const DOCUMENT_LIMIT = 10 * MEGABYTE;

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
/** Word and OpenDocument files are zip files. */
const isZip = (bytes: Uint8Array) => startsWith(bytes, ...ascii("PK\u0003\u0004"));

/** Pictures and documents editors may put beside pages, by extension: what they are, and how they start. */
const DOCUMENT_TYPES: Readonly<Record<string, { kind: string; starts: (bytes: Uint8Array) => boolean }>> = {
  png: { kind: "PNG picture", starts: (bytes) => startsWith(bytes, 0x89, ...ascii("PNG\r\n\u001a\n")) },
  jpg: { kind: "JPEG picture", starts: (bytes) => startsWith(bytes, 0xff, 0xd8, 0xff) },
  jpeg: { kind: "JPEG picture", starts: (bytes) => startsWith(bytes, 0xff, 0xd8, 0xff) },
  gif: { kind: "GIF picture", starts: (bytes) => startsWith(bytes, ...ascii("GIF87a")) || startsWith(bytes, ...ascii("GIF89a")) },
  webp: { kind: "WebP picture", starts: (bytes) => startsWith(bytes, ...ascii("RIFF")) && startsWith(bytes.subarray(8), ...ascii("WEBP")) },
  pdf: { kind: "PDF document", starts: (bytes) => startsWith(bytes, ...ascii("%PDF-")) },
  docx: { kind: "Word document", starts: isZip },
  xlsx: { kind: "Excel spreadsheet", starts: isZip },
  odt: { kind: "OpenDocument text", starts: isZip },
  ods: { kind: "OpenDocument spreadsheet", starts: isZip },
  // A CSV file is text: checked as a whole below.
  csv: { kind: "CSV spreadsheet", starts: () => true },
};

export const DOCUMENT_EXTENSIONS = Object.keys(DOCUMENT_TYPES);

/** Whether a content file is a picture or document, going into the site as it is. */
export function isDocumentFile(file: string): boolean {
  return Object.hasOwn(DOCUMENT_TYPES, path.posix.extname(file).slice(1));
}

/** A folder or file name: lower-case letters and digits, words joined by single hyphens. */
const PLAIN_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLAIN_FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+$/;

const ALLOWED = `Markdown pages (.md), the site's data files in ${DATA_FOLDER}/, ready reckoners (${RECKONERS_FOLDER}/*.yaml), and pictures and documents (${DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`).join(", ")})`;

/** A size as the messages give it: to two decimal places, so a file just over the limit shows as over it. */
function sizeText(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(2)} MB`;
}

/** A limit as the messages give it. */
const limitText = (bytes: number) => `${bytes / MEGABYTE} MB`;

/**
 * Why a file (relative to content/, with forward slashes) may not be in content/, or undefined if it
 * may. Its folders' names have already passed: the walk does not go into a folder it refuses.
 */
async function fileProblem(absolute: string, relPath: string, size: number): Promise<string | undefined> {
  const parts = relPath.split("/");
  const name = parts.at(-1)!;
  const folders = parts.slice(0, -1);
  const inData = folders[0] === DATA_FOLDER;
  if (!PLAIN_FILE_NAME.test(name))
    return `the file name "${name}" is not allowed (expected lower-case letters, digits and hyphens, then one extension, such as help-at-home.md)`;
  const extension = path.posix.extname(name).slice(1);

  if (inData) {
    if ((DATA_FILES as readonly string[]).includes(parts.slice(1).join("/")))
      return size > TEXT_LIMIT ? `is ${sizeText(size)} (expected at most ${limitText(TEXT_LIMIT)})` : undefined;
    return `is not one of the site's data files (expected only ${DATA_FILES.map((file) => `${DATA_FOLDER}/${file}`).join(", ")})`;
  }
  if (extension === "md" || (extension === "yaml" && folders.length === 1 && folders[0] === RECKONERS_FOLDER)) {
    return size > TEXT_LIMIT ? `is ${sizeText(size)} (expected at most ${limitText(TEXT_LIMIT)} of text: split the page up)` : undefined;
  }
  const type = Object.hasOwn(DOCUMENT_TYPES, extension) ? DOCUMENT_TYPES[extension] : undefined;
  if (!type) return `a .${extension} file is not allowed in content/ (expected only ${ALLOWED})`;
  if (size > DOCUMENT_LIMIT) return `is ${sizeText(size)} (expected at most ${limitText(DOCUMENT_LIMIT)}: make the picture smaller or split the document)`;
  if (extension === "csv") {
    const text = await readFile(absolute);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(text);
    } catch {
      return "is not a CSV file: it is not text (expected a CSV file saved as UTF-8)";
    }
    return text.includes(0) || /^\s*</.test(text.subarray(0, 64).toString("utf8"))
      ? "is not a CSV file (expected rows of values separated by commas)"
      : undefined;
  }
  const handle = await open(absolute);
  try {
    const start = new Uint8Array(16);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return type.starts(start.subarray(0, bytesRead))
      ? undefined
      : `is not a ${type.kind}, although its name ends .${extension} (expected the file to be what its extension says)`;
  } finally {
    await handle.close();
  }
}

/**
 * Every problem with what content/ holds, each naming its file. Symbolic links are reported and
 * never followed; nothing outside content/ is read.
 */
export async function contentFileProblems(contentDir: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const absolute = path.join(dir, entry.name);
      const relPath = path.relative(contentDir, absolute).split(path.sep).join("/");
      const report = (message: string) => problems.push({ file: displayPath(absolute), line: 1, message });
      if (entry.isSymbolicLink()) report("is a symbolic link, which could bring in files from outside content/ (expected a real file or folder)");
      else if (entry.isDirectory()) {
        if (!PLAIN_NAME.test(entry.name) && relPath !== DATA_FOLDER) {
          report(`the folder name "${entry.name}" is not allowed (expected lower-case letters, digits and hyphens, such as sen-support)`);
        } else await visit(absolute);
      } else if (!entry.isFile()) report("is not a file or a folder (expected only files and folders)");
      else {
        // Measured at once, for the same reason as the pages are read at once (see readPages in validate.ts).
        const problem = await fileProblem(absolute, relPath, lstatSync(absolute).size);
        if (problem) report(problem);
      }
    }
  };
  await visit(contentDir);
  return problems;
}

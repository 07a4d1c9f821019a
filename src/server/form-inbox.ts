// What `npm start` does with the site's forms (src/lib/forms/site-forms.ts) where Netlify Forms would
// take them: each POST that names one of the site's forms is appended, as one line of JSON, to a
// file the editor can read, so they see exactly what a family's answer carries. What is sent is kept
// as text, and no value sent ever goes back in a response. A bot's answer (the honeypot filled in)
// is dropped without a word, as Netlify drops it, and the thank-you page is shown all the same.
import { appendFile, mkdir } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { FORM_NAME_FIELD, HONEYPOT_FIELD, siteFormNamed } from "../lib/forms/site-forms.ts";

/**
 * The most a submission may be. A family's longest answer is a few kilobytes; this leaves room for
 * a 100 kB answer in each field, stored whole, and stops anything bigger before it is read.
 */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** One line of the file: when it came, which form, the address it was sent to, and each of the form's fields as sent. */
export interface StoredSubmission {
  receivedAt: string;
  form: string;
  postedTo: string;
  fields: Record<string, string>;
}

/** What the server answers: a redirect to the form's page, or a refusal that echoes nothing that was sent. */
export type FormReply = { status: 303; location: string } | { status: 400 | 403 | 404 | 413 | 415; message: string };

/**
 * Reads the body, up to the limit. Past it, the rest is read and thrown away rather than kept, so
 * the browser that sent it sees the answer rather than a connection cut off mid-send.
 */
async function bodyOf(request: IncomingMessage): Promise<Buffer | "too big"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_SUBMISSION_BYTES) chunks.push(chunk);
  }
  return size > MAX_SUBMISSION_BYTES ? "too big" : Buffer.concat(chunks);
}

/** Whether the POST comes from this site's own pages, or from a tool that says nothing of where it comes from. */
function fromThisSite(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export class FormInbox {
  /** Appends one at a time, so two answers sent at once never share a line. */
  #writing: Promise<void> = Promise.resolve();

  /**
   * file: where each submission is appended, created with its folder when the first one comes.
   * onStored hears of each one kept, to say so (never what it says: a terminal would run its control characters).
   */
  constructor(
    readonly file: string,
    readonly onStored: (submission: StoredSubmission) => void = () => undefined,
  ) {}

  async receive(request: IncomingMessage, postedTo: string): Promise<FormReply> {
    // A page on another website could post here too, from the editor's own browser; browsers say where a POST comes from.
    if (!fromThisSite(request)) {
      request.resume();
      return { status: 403, message: "Forms are only taken from this site's own pages." };
    }
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers["content-type"] ?? "")) {
      request.resume();
      return { status: 415, message: "Forms are sent as application/x-www-form-urlencoded, as a browser sends them." };
    }
    if (Number(request.headers["content-length"] ?? 0) > MAX_SUBMISSION_BYTES) {
      request.resume();
      return { status: 413, message: `A form may send at most ${MAX_SUBMISSION_BYTES / 1024} kB.` };
    }
    const body = await bodyOf(request);
    if (body === "too big") return { status: 413, message: `A form may send at most ${MAX_SUBMISSION_BYTES / 1024} kB.` };
    const sent = new URLSearchParams(body.toString("utf8"));
    const form = siteFormNamed(sent.get(FORM_NAME_FIELD) ?? "");
    if (!form) return { status: 404, message: "This site has no form of that name." };
    if ((sent.get(HONEYPOT_FIELD) ?? "") !== "") return { status: 303, location: form.sentUrl };
    // Only the form's own fields, as Netlify keeps only the fields it found in the form.
    const fields = Object.fromEntries(form.fields.map((field) => [field, sent.get(field) ?? ""]));
    const submission: StoredSubmission = { receivedAt: new Date().toISOString(), form: form.name, postedTo, fields };
    await this.#append(`${JSON.stringify(submission)}\n`);
    this.onStored(submission);
    return { status: 303, location: form.sentUrl };
  }

  #append(line: string): Promise<void> {
    const written = this.#writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, line);
    });
    this.#writing = written.catch(() => undefined);
    return written;
  }
}

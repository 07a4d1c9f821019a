// The worker thread that makes the downloadable copy and checks the site's links while Eleventy
// renders the pages on the main thread (see OfflineCopyThread in offline-copy.ts), so a one-off
// build keeps both cores busy. It gets what it needs as messages: the files the build plans to
// make, each page as it is rendered, and at the end every file the site has. It answers once, with
// what the copy and the link checks found or why they failed; each build starts a thread of its own.
import { parentPort, workerData } from "node:worker_threads";
import { StreamedOfflineCopy, type CopyThreadMessage, type CopyThreadReply, type CopyThreadStart } from "./offline-copy.ts";

const { siteDir, settings, madeOn, siteUrl, handled: pagesHandled } = workerData as CopyThreadStart;
const port = parentPort!;
let copy: Promise<StreamedOfflineCopy> | undefined;
/** The messages are handled one after another, in the order they came. */
let handled: Promise<void> = Promise.resolve();
let failure: Error | undefined;

const reply = (message: CopyThreadReply) => port.postMessage(message);

async function handle(message: CopyThreadMessage): Promise<void> {
  if (message.type === "plan") copy = StreamedOfflineCopy.start(siteDir, message.files, settings, new Date(madeOn), siteUrl);
  else if (message.type === "page") await (await copy!).addPage(message.file, message.html);
  else {
    copy ??= StreamedOfflineCopy.start(siteDir, [], settings, new Date(madeOn), siteUrl);
    reply({ type: "done", result: await (await copy).finish(message.files) });
  }
}

port.on("message", (message: CopyThreadMessage) => {
  handled = handled.then(async () => {
    try {
      if (failure) {
        if (message.type === "finish") reply({ type: "failed", message: failure.message });
        return;
      }
      await handle(message);
    } catch (error) {
      failure = error as Error;
      await copy?.then((started) => started.abort()).catch(() => undefined);
      if (message.type === "finish") reply({ type: "failed", message: failure.message });
    } finally {
      // Counted even after a failure, so the build never waits for a thread that has stopped work.
      if (message.type === "page") {
        Atomics.add(pagesHandled, 0, 1);
        Atomics.notify(pagesHandled, 0);
      }
    }
  });
});

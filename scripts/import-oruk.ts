// npm run import:oruk -- <file|folder|URL> [--content <dir>] [--timeout <seconds>]
// Imports the council directory's Open Referral UK services into content/services/, as
// docs/open-referral.md describes. The whole feed is read and mapped before anything is written, so
// bad input changes nothing. Exit codes: 0 imported (some records may be skipped or rejected, as
// the report says), 1 a problem with the input, 2 the import could not run.
import { importCommand } from "../src/open-referral/import-command.ts";

const { code, stdout, stderr } = await importCommand(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;

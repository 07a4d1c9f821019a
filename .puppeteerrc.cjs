// Puppeteer (pulled in by pa11y-ci) must not download its own Chrome: no browser downloads
// work on these machines. Tests use Debian's Chromium, found from CHROME_PATH.
module.exports = {
  skipDownload: true,
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
};

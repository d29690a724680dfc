// First-load benchmark: loads <baseUrl>/workloads N times, each in a fresh browser context (empty
// cache), and prints the median and worst navigation load time and time until the page's heading and
// workload list are rendered. Also prints the production bundle sizes from dist/.
// Each context first signs in through the API (E2E_USERNAME / E2E_PASSWORD), so only the session cookie is
// warm, not the cache.
//   E2E_USERNAME=... E2E_PASSWORD=... node e2e/first-load.bench.mjs <baseUrl> [runs]
import { chromium } from 'playwright-core';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const baseUrl = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const runs = Number(process.argv[3] ?? 10);
const dist = new URL('../dist/', import.meta.url).pathname;

function bundleSizes() {
  const files = [join(dist, 'index.html'), ...readdirSync(join(dist, 'assets')).map((f) => join(dist, 'assets', f))];
  let total = 0;
  let totalGz = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += statSync(f).size;
    totalGz += gz;
    console.log(`${f.slice(dist.length).padEnd(36)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KiB  gzip ${(gz / 1024).toFixed(1).padStart(7)} KiB`);
  }
  console.log(`${'total'.padEnd(36)} ${(total / 1024).toFixed(1).padStart(8)} KiB  gzip ${(totalGz / 1024).toFixed(1).padStart(7)} KiB`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

bundleSizes();
const load = [];
const ready = [];
for (let i = 0; i <= runs; i++) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dcp-bench-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await context.request.get(`${baseUrl}/api/v1/sign-in-options`); // sets the XSRF-TOKEN cookie
  const xsrf = (await context.cookies(baseUrl)).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const signIn = await context.request.post(`${baseUrl}/login`, { headers: { 'X-XSRF-TOKEN': xsrf },
    form: { username: process.env.E2E_USERNAME ?? 'admin', password: process.env.E2E_PASSWORD ?? '' } });
  if (signIn.status() !== 204) throw new Error(`sign-in failed (HTTP ${signIn.status()}): set E2E_USERNAME / E2E_PASSWORD`);
  await page.goto(`${baseUrl}/workloads`, { waitUntil: 'load' });
  // checked every animation frame in the page, so the time is the frame the list (or its empty state) appeared in
  const readyMs = await (await page.waitForFunction(
    () => (document.querySelector('[data-testid="workload-list"], .empty') ? performance.now() : 0), null, { polling: 'raf' })).jsonValue();
  const loadMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return nav.loadEventEnd - nav.startTime;
  });
  if (i > 0) {
    // run 0 warms the server up and is not counted
    load.push(loadMs);
    ready.push(readyMs);
  }
  await context.close();
}
console.log(`first load of /workloads over ${runs} cold runs: load event median ${median(load).toFixed(0)} ms (max ${Math.max(...load).toFixed(0)} ms); ` +
  `workload list rendered median ${median(ready).toFixed(0)} ms (max ${Math.max(...ready).toFixed(0)} ms)`);

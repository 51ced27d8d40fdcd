// Manual smoke test: headless Chromium (SwiftShader WebGL2) renders two projectM layers.
//   PW_CORE=/tmp/pwtest/node_modules/playwright-core \
//   node projectm-wasm/test/smoke.mjs [moduleDir] [presetsDir] [--sweep N]
// moduleDir: folder with projectm-layer.js/.wasm (default projectm-wasm/target/web/projectm)
// presetsDir: projectm-data's presets (default $AIVJ_CACHE/projectm/data/root/usr/share/projectM/presets)
// playwright-core is NOT a project dependency: install it outside the repo
// (cd /tmp/pwtest && npm install playwright-core) and point PW_CORE at it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const sweepIdx = args.indexOf('--sweep');
const sweepN = sweepIdx >= 0 ? +args.splice(sweepIdx, 2)[1] : 0;
const moduleDir = path.resolve(args[0] ?? path.join(root, 'target/web/projectm'));
const cache = process.env.AIVJ_CACHE ?? path.join(os.homedir(), '.cache/aivj');
const presetsDir = path.resolve(args[1] ?? path.join(cache, 'projectm/data/root/usr/share/projectM/presets'));
const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PW_CORE ?? '/tmp/pwtest/node_modules/playwright-core');

const MD1 = 'presets_milkdrop/Aderrasi - Agitator.milk';
const MD2 = 'presets_milkdrop_200/Geiss - 3 layers (Tunnel Mix).milk';
const FRAMES = +(process.env.FRAMES ?? 60);

const mounts = [['/web/projectm/', moduleDir], ['/web/', path.join(root, 'web')],
                ['/presets/', presetsDir], ['/', here]];
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
                '.html': 'text/html', '.milk': 'text/plain; charset=utf-8' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  for (const [prefix, dir] of mounts) {
    if (!url.startsWith(prefix)) continue;
    const file = path.join(dir, url.slice(prefix.length));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) continue;
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--autoplay-policy=no-user-gesture-required'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 500 } });
const consoleLines = [];
page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
try {
  await page.goto(`${base}/smoke.html`);
  await page.waitForFunction(() => window.smokeReady === true, null, { timeout: 60000 });
  const enc = (p) => '/presets/' + p.split('/').map(encodeURIComponent).join('/');
  const result = await page.evaluate(([a, b, n]) => window.runSmoke(a, b, n), [enc(MD1), enc(MD2), FRAMES]);
  result.presets = { md1: MD1, md2: MD2 };
  for (const k of Object.keys(result).filter((k) => k.startsWith('png'))) {
    const f = path.join(os.tmpdir(), `projectm-smoke-${k.slice(3)}.png`);
    fs.writeFileSync(f, Buffer.from(result[k].split(',')[1], 'base64'));
    result[k] = f;
  }
  console.log(JSON.stringify(result, null, 1));
  await page.screenshot({ path: path.join(os.tmpdir(), 'projectm-smoke.png') });
  console.log('screenshot:', path.join(os.tmpdir(), 'projectm-smoke.png'));

  if (process.env.EVAL) console.log('EVAL:', JSON.stringify(await page.evaluate(process.env.EVAL)));
  if (sweepN) {
    const dir = path.join(presetsDir, 'presets_milkdrop_200');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.milk')).sort()
      .filter((f) => { const t = fs.readFileSync(path.join(dir, f), 'latin1'); return /^warp_1=/m.test(t) && /^comp_1=/m.test(t); })
      .slice(0, sweepN);
    const md1dir = path.join(presetsDir, 'presets_milkdrop');
    const md1 = fs.readdirSync(md1dir).filter((f) => f.endsWith('.milk')).sort().slice(0, sweepN);
    for (const [label, list, sub] of [['md2 warp+comp', files, 'presets_milkdrop_200'], ['md1', md1, 'presets_milkdrop']]) {
      const r = await page.evaluate((urls) => window.sweep(urls), list.map((f) => enc(`${sub}/${f}`)));
      const by = {};
      for (const x of r) by[x.status] = (by[x.status] ?? 0) + 1;
      const ms = r.map((x) => x.ms).sort((p, q) => p - q);
      console.log(`sweep ${label}: ${r.length} presets, by status ${JSON.stringify(by)}, load ms median ${ms[ms.length >> 1].toFixed(0)} max ${ms[ms.length - 1].toFixed(0)}`);
      for (const x of r.filter((y) => y.status !== 0).slice(0, 6)) console.log('  ', x.status, decodeURIComponent(x.u).slice(9), '|', (x.err ?? x.w ?? '').replace(/\s+/g, ' ').slice(0, 220));
    }
  }
} finally {
  const interesting = process.env.SHOW_DEBUG ? consoleLines.slice(-+process.env.SHOW_DEBUG) : consoleLines.filter((l) => !l.startsWith('debug:'));
  if (interesting.length) console.log('console:\n' + interesting.slice(0, 40).join('\n'));
  await browser.close();
  server.close();
}

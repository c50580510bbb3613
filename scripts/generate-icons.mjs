// `node scripts/generate-icons.mjs`: renders resources/icons/icon.svg (the one source image) into
// every icon the installers use, offline and the same on every machine:
//   resources/icons/png/<N>x<N>.png   Linux (AppImage, deb) icon set, and the source of the two below
//   resources/icons/icon.ico          Windows app, installer and .dalaprofile icon (16…256 px)
//   resources/icons/icon.icns         macOS app, dmg and .dalaprofile icon (16…1024 px)
// The rasteriser is @resvg/resvg-wasm (a pinned devDependency): WebAssembly shipped inside the npm
// package, so nothing is downloaded and no system tool (ImageMagick, rsvg-convert) is needed.
// The generated files are committed: packaging never runs this script. Run it again after
// changing icon.svg, and commit what it writes (`--check` only verifies the committed files).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICONS_DIR = path.join(root, 'resources', 'icons');
export const SOURCE_SVG = path.join(ICONS_DIR, 'icon.svg');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows reads PNG-compressed entries in .ico files (Vista and later); 256 is the largest. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Apple's PNG-capable icns element types and the pixel size each holds. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16 pt @2x
  ['icp6', 64],
  ['ic12', 64], // 32 pt @2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128 pt @2x
  ['ic09', 512],
  ['ic14', 512], // 256 pt @2x
  ['ic10', 1024], // 512 pt @2x
];

export const pngPath = (size) => path.join(ICONS_DIR, 'png', `${size}x${size}.png`);

async function loadRasteriser() {
  const require = createRequire(import.meta.url);
  let wasmFile;
  try {
    wasmFile = require.resolve('@resvg/resvg-wasm/index_bg.wasm');
  } catch {
    throw new Error('generate-icons: @resvg/resvg-wasm is not installed; run `npm ci` first.');
  }
  const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
  await initWasm(fs.readFileSync(wasmFile));
  return Resvg;
}

/** One PNG per size, rendered straight from the vector image (no downscaling of a big bitmap). */
export async function renderPngs(svg = fs.readFileSync(SOURCE_SVG, 'utf8')) {
  const Resvg = await loadRasteriser();
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render();
    if (rendered.width !== size || rendered.height !== size) throw new Error(`generate-icons: icon.svg rendered at ${rendered.width}x${rendered.height}, expected ${size}x${size} (is the viewBox square?)`);
    pngs.set(size, Buffer.from(rendered.asPng()));
  }
  return pngs;
}

/** ICO container: 6-byte header, a 16-byte directory entry per image, then the PNG data. */
export function buildIco(pngs, sizes = ICO_SIZES) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  const entries = [];
  const images = [];
  let offset = 6 + 16 * sizes.length;
  for (const size of sizes) {
    const png = pngs.get(size);
    if (!png) throw new Error(`generate-icons: no ${size}px PNG for the .ico`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
    images.push(png);
  }
  return Buffer.concat([header, ...entries, ...images]);
}

/** ICNS container: 'icns' + total length, then (type, length incl. 8-byte header, PNG) per element. */
export function buildIcns(pngs, types = ICNS_TYPES) {
  const elements = types.map(([type, size]) => {
    const png = pngs.get(size);
    if (!png) throw new Error(`generate-icons: no ${size}px PNG for the .icns`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export async function generateIcons() {
  const pngs = await renderPngs();
  const files = new Map();
  for (const [size, png] of pngs) files.set(pngPath(size), png);
  files.set(path.join(ICONS_DIR, 'icon.ico'), buildIco(pngs));
  files.set(path.join(ICONS_DIR, 'icon.icns'), buildIcns(pngs));
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generateIcons();
  const stale = [];
  for (const [file, data] of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    if (current && current.equals(data)) continue;
    if (check) {
      stale.push(path.relative(root, file));
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    console.log(`wrote ${path.relative(root, file)} (${data.length} bytes)`);
  }
  if (check && stale.length > 0) {
    console.error(`generate-icons: these icons do not match icon.svg; run \`node scripts/generate-icons.mjs\` and commit them:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(check ? 'generate-icons: every icon matches icon.svg.' : 'generate-icons: done.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

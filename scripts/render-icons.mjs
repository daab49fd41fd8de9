#!/usr/bin/env node
// Renders the CareWindow icons from the SVG sources in assets/ into every raster file the app and
// electron-builder need. Run it after editing an SVG:  node scripts/render-icons.mjs
//
// Sources
//   assets/icon.svg        full icon on the macOS icon grid (824 px tile, 100 px margin); 48 px and up, and all of .icns
//   assets/icon-small.svg  pixel-fitted, full-bleed variant for 16/24/32 px (Windows lists, taskbar, tray)
//   assets/tray-icon.svg   monochrome glyph (black + alpha) for the macOS menu bar template image
//
// Outputs (all in assets/)
//   icon.png                         1024 px
//   icons/<n>x<n>.png                16 24 32 48 64 128 256 512 1024 (Linux icon set, general use)
//   icon.ico                         Windows: 16 24 32 48 64 128 as 32-bit BMP + 256 as PNG
//   icon.icns                        macOS: ic11 ic12 ic07 ic13 ic08 ic14 ic09 ic10 (PNG payloads)
//   tray-icon.png                    16 px glyph (same as trayTemplate.png; handy for previews)
//   trayTemplate.png, trayTemplate@2x.png   macOS menu bar, 16 / 32 px, black + alpha ("Template" suffix
//                                    makes macOS tint it for light/dark menu bars)
//   tray.png, tray@2x.png, tray.ico  Windows notification area: the coloured small icon (a black glyph would
//                                    vanish on the default dark taskbar), ICO with 16 20 24 32 40 48 for DPI scaling
//
// Needs `rsvg-convert` (librsvg; Debian: apt-get install librsvg2-bin, macOS: brew install librsvg).
// ImageMagick's built-in SVG renderer is not used: it drops masks and filters. Override the binary with
// RSVG_CONVERT=/path/to/rsvg-convert. No npm dependencies: PNG decoding, ICO and ICNS writing are in icon-containers.mjs.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIcns, buildIco, checkIcns, checkIco, pngInfo } from './icon-containers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');
const SRC = {
  full: join(assets, 'icon.svg'),
  small: join(assets, 'icon-small.svg'),
  tray: join(assets, 'tray-icon.svg'),
};
const RSVG = process.env.RSVG_CONVERT || 'rsvg-convert';

const SET_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48];
/** macOS ICNS entry types with PNG payloads, in the order iconutil writes them. */
const ICNS_TYPES = [
  ['ic11', 32], // 16 pt @2x
  ['ic12', 64], // 32 pt @2x
  ['ic07', 128], // 128 pt
  ['ic13', 256], // 128 pt @2x
  ['ic08', 256], // 256 pt
  ['ic14', 512], // 256 pt @2x
  ['ic09', 512], // 512 pt
  ['ic10', 1024], // 512 pt @2x
];
/** Up to this size the pixel-fitted small variant is used for the colour icon (not for .icns). */
const SMALL_MAX = 32;

// ─── rasterising ─────────────────────────────────────────────────────────────

function checkRasteriser() {
  try {
    return execFileSync(RSVG, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    console.error(
      `render-icons: "${RSVG}" not found. Install librsvg (Debian/Ubuntu: apt-get install -y librsvg2-bin, ` +
        'macOS: brew install librsvg) or set RSVG_CONVERT.',
    );
    process.exit(1);
  }
}

const cache = new Map();
/** Renders `svg` to a size×size RGBA PNG and returns its bytes. */
function render(svg, size) {
  const key = `${svg}@${size}`;
  if (!cache.has(key)) {
    const png = execFileSync(
      RSVG,
      ['--width', String(size), '--height', String(size), '--format', 'png', svg],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const { width, height } = pngInfo(png);
    if (width !== size || height !== size)
      throw new Error(`${svg} rendered as ${width}x${height}, wanted ${size}`);
    cache.set(key, png);
  }
  return cache.get(key);
}
const appIcon = (size) => render(size <= SMALL_MAX ? SRC.small : SRC.full, size);

// ─── main ────────────────────────────────────────────────────────────────────

const written = [];
function write(rel, buf) {
  const file = join(assets, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  written.push([relative(root, file), buf.length]);
}

const version = checkRasteriser();
for (const svg of Object.values(SRC)) {
  if (!existsSync(svg)) throw new Error(`missing source ${relative(root, svg)}`);
}

write('icon.png', render(SRC.full, 1024));
for (const s of SET_SIZES) write(`icons/${s}x${s}.png`, appIcon(s));

const ico = buildIco(ICO_SIZES.map(appIcon));
checkIco(ico, ICO_SIZES, 'icon.ico');
write('icon.ico', ico);

// All .icns entries come from the grid version, so the tile keeps the same margin as every other
// app in the Dock and Finder (macOS scales the 32 px entry down for 16 pt on non-Retina screens).
const icns = buildIcns(ICNS_TYPES.map(([type, size]) => [type, render(SRC.full, size)]));
checkIcns(icns, ICNS_TYPES);
write('icon.icns', icns);

write('tray-icon.png', render(SRC.tray, 16));
write('trayTemplate.png', render(SRC.tray, 16));
write('trayTemplate@2x.png', render(SRC.tray, 32));
write('tray.png', render(SRC.small, 16));
write('tray@2x.png', render(SRC.small, 32));
const trayIco = buildIco(TRAY_ICO_SIZES.map((s) => render(SRC.small, s)));
checkIco(trayIco, TRAY_ICO_SIZES, 'tray.ico');
write('tray.ico', trayIco);

console.log(`render-icons (${version}):`);
for (const [file, bytes] of written) console.log(`  ${file.padEnd(32)} ${String(bytes).padStart(8)} B`);

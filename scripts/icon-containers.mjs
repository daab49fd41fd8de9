// The icon file formats render-icons.mjs writes, without npm dependencies: just enough PNG reading for
// rsvg-convert's output, the Windows ICO and macOS ICNS containers, and a self-check of each container
// after writing it (a wrong offset would otherwise only show up as a blank icon on someone's computer).

import { inflateSync } from 'node:zlib';

// ─── PNG reading (just enough for rsvg-convert output: 8-bit RGBA, not interlaced) ─────────

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngInfo(buf) {
  if (!buf.subarray(0, 8).equals(PNG_SIG) || buf.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24],
    colorType: buf[25],
    interlace: buf[28],
  };
}

/** Decodes a PNG to straight (non-premultiplied) RGBA rows, top row first. */
function decodePng(buf) {
  const info = pngInfo(buf);
  if (info.bitDepth !== 8 || info.colorType !== 6 || info.interlace !== 0) {
    throw new Error(`unsupported PNG layout (depth ${info.bitDepth}, colour type ${info.colorType})`);
  }
  const idat = [];
  for (let off = 8; off < buf.length;) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    if (type === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len));
    if (type === 'IEND') break;
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = info;
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = out.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? cur[x - 4] : 0;
      const b = prev[x];
      const c = x >= 4 ? prev[x - 4] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      cur[x] = v & 0xff;
    }
  }
  return { width, height, rgba: out };
}

// ─── ICO ─────────────────────────────────────────────────────────────────────

/** A classic ICO image: BITMAPINFOHEADER + bottom-up BGRA + 1-bit AND mask (read by every Windows tool). */
function icoBitmap(png) {
  const { width, height, rgba } = decodePng(png);
  const maskStride = Math.ceil(width / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0); // biSize
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // XOR + AND mask
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const dy = height - 1 - y; // bottom-up
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const d = (dy * width + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
      if (rgba[s + 3] === 0) mask[dy * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** ICONDIR + ICONDIRENTRY list + images; 256 px is stored as PNG (Vista+), smaller ones as bitmaps. */
export function buildIco(pngs) {
  const images = pngs.map((png) => {
    const { width, height } = pngInfo(png);
    return { width, height, data: width >= 256 ? png : icoBitmap(png) };
  });
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // type 1 = icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach((img, i) => {
    const e = 6 + 16 * i;
    dir[e] = img.width >= 256 ? 0 : img.width; // 0 means 256
    dir[e + 1] = img.height >= 256 ? 0 : img.height;
    dir[e + 2] = 0; // no palette
    dir[e + 3] = 0;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bit count
    dir.writeUInt32LE(img.data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += img.data.length;
  });
  return Buffer.concat([dir, ...images.map((img) => img.data)]);
}

// ─── ICNS ────────────────────────────────────────────────────────────────────

/** 'icns' + total length, then per entry: 4-char type + length (incl. 8-byte header) + PNG bytes. */
export function buildIcns(entries) {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

// ─── self-check of the containers we wrote ───────────────────────────────────

export function checkIco(buf, sizes, name) {
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) throw new Error(`${name}: bad ICONDIR`);
  const count = buf.readUInt16LE(4);
  const found = [];
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i;
    const size = buf[e] || 256;
    const len = buf.readUInt32LE(e + 8);
    const off = buf.readUInt32LE(e + 12);
    if (off + len > buf.length) throw new Error(`${name}: entry ${size} runs past the end`);
    const data = buf.subarray(off, off + len);
    const w = data.subarray(0, 8).equals(PNG_SIG) ? pngInfo(data).width : data.readInt32LE(4);
    if (w !== size) throw new Error(`${name}: entry says ${size}, image is ${w}`);
    found.push(size);
  }
  if (found.join() !== sizes.join()) throw new Error(`${name}: sizes ${found} != ${sizes}`);
}

export function checkIcns(buf, types) {
  if (buf.toString('latin1', 0, 4) !== 'icns' || buf.readUInt32BE(4) !== buf.length)
    throw new Error('icns: bad header');
  const found = [];
  for (let off = 8; off < buf.length;) {
    const type = buf.toString('latin1', off, off + 4);
    const len = buf.readUInt32BE(off + 4);
    const { width } = pngInfo(buf.subarray(off + 8, off + len));
    const want = types.find(([t]) => t === type)?.[1];
    if (width !== want) throw new Error(`icns: ${type} is ${width}px, wanted ${want}`);
    found.push(type);
    off += len;
  }
  if (found.length !== types.length) throw new Error('icns: entry count');
}

// Writes color.png (192x192, full colour) and outline.png (32x32, white on transparent) for the Teams app package.
// Plain Node (zlib), no dependencies: the icons are a white chat bubble with two dots, on HelpBot's orange.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ORANGE = [0xff, 0x6a, 0x00, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// RGBA, 8 bits per channel; pixel(x, y) returns [r, g, b, a] for the pixel's centre in 0..1 coordinates.
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel((x + 0.5) / size, (y + 0.5) / size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
}

// The speech bubble: a rounded rectangle with a tail at the lower left.
function inBubble(x, y, inset = 0) {
  const body = inRoundedRect(x, y, 0.2 + inset, 0.24 + inset, 0.8 - inset, 0.66 - inset, 0.1);
  const tail = y >= 0.6 && y <= 0.8 - inset * 2 && x >= 0.3 + inset && x <= 0.3 + inset + (0.8 - inset * 2 - y) * 0.8;
  return body || tail;
}

function inDot(x, y, radius) {
  return (x - 0.4) ** 2 + (y - 0.45) ** 2 <= radius ** 2 || (x - 0.6) ** 2 + (y - 0.45) ** 2 <= radius ** 2;
}

const color = png(192, (x, y) => (inBubble(x, y) && !inDot(x, y, 0.045) ? WHITE : ORANGE));
// Outline: white strokes only, transparent elsewhere (Teams' rule for outline icons).
const outline = png(32, (x, y) => (inBubble(x, y) && (!inBubble(x, y, 0.07) || inDot(x, y, 0.06)) ? WHITE : CLEAR));

const target = process.argv[2] || __dirname;
fs.writeFileSync(path.join(target, 'color.png'), color);
fs.writeFileSync(path.join(target, 'outline.png'), outline);
console.log(`wrote color.png (192x192) and outline.png (32x32) to ${target}`);

/**
 * The site's icon: a white "S" on the brand blue, as SVG for browsers that take it and as a
 * 32 × 32 ICO for those that ask for /favicon.ico whatever the page says. Drawn here, in code, so
 * the repository holds no binary and every page's request for an icon gets one (not a 404).
 */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4f73"/><path d="M22 9.5c-1.5-1.3-3.5-2-5.7-2-3.6 0-6 1.9-6 4.6 0 5.6 11.6 3.4 11.6 8.2 0 1.9-1.9 3.2-5.1 3.2-2.4 0-4.5-.8-6-2.2" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`;

const size = 32;
const brand = [0x73, 0x4f, 0x1d, 0xff]; // BGRA of #1d4f73
const white = [0xff, 0xff, 0xff, 0xff];

/** Whether pixel (x, y), y from the top, is on the "S": three bars and two uprights. */
function onLetter(x: number, y: number): boolean {
  const bar = (top: number) => y >= top && y < top + 4 && x >= 9 && x < 23;
  return (
    bar(6) ||
    bar(14) ||
    bar(22) ||
    (x >= 9 && x < 13 && y >= 6 && y < 18) ||
    (x >= 19 && x < 23 && y >= 14 && y < 26)
  );
}

/** An ICO file with one 32 × 32 image in 32-bit BMP form (a header, the pixels bottom-up, a mask). */
export function faviconIco(): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    const y = size - 1 - row; // BMP rows run from the bottom
    for (let x = 0; x < size; x++)
      Buffer.from(onLetter(x, y) ? white : brand).copy(pixels, (row * size + x) * 4);
  }
  const mask = Buffer.alloc((size * size) / 8); // all opaque; 32 px rows are already 4-byte aligned
  const bmp = Buffer.alloc(40);
  bmp.writeUInt32LE(40, 0); // header size
  bmp.writeInt32LE(size, 4);
  bmp.writeInt32LE(size * 2, 8); // height counts the image and its mask
  bmp.writeUInt16LE(1, 12); // planes
  bmp.writeUInt16LE(32, 14); // bits per pixel
  bmp.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([bmp, pixels, mask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

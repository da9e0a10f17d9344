// `npm run icons`: renders build/icon.svg, the one source image, into every icon the installers name:
// build/icon.icns (macOS), build/icon.ico (Windows), build/icons/<N>x<N>.png (Linux) and build/icon.png.
// The outputs are committed, so packaging never depends on this script having run.
import fs from 'node:fs';
import path from 'node:path';
import png2icons from 'png2icons';
import sharp from 'sharp';

const BUILD = path.join(import.meta.dirname, '..', 'build');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const svg = fs.readFileSync(path.join(BUILD, 'icon.svg'));
const render = (size) =>
  sharp(svg, { density: 72 * (size / 1024) * 4 })
    .resize(size, size)
    .png()
    .toBuffer();

const master = await render(1024);
fs.writeFileSync(path.join(BUILD, 'icon.png'), master);

fs.rmSync(path.join(BUILD, 'icons'), { recursive: true, force: true });
fs.mkdirSync(path.join(BUILD, 'icons'));
for (const size of LINUX_SIZES) {
  // each size from the vector, not by shrinking the master: small sizes stay sharp
  fs.writeFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`), await render(size));
}

const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
if (!icns || !ico) throw new Error('png2icons could not convert build/icon.png');
fs.writeFileSync(path.join(BUILD, 'icon.icns'), icns);
fs.writeFileSync(path.join(BUILD, 'icon.ico'), ico);
console.log(`icons written to ${BUILD}`);

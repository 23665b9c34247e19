/**
 * The dossier's font: Noto Sans JP (Latin, Cyrillic and JIS kanji in one face) from the
 * `@expo-google-fonts/noto-sans-jp` package, embedded as a subset by pdfmake/pdfkit.
 *
 * The TTF files are read once and handed to pdfmake through its virtual file system, so pdfmake
 * needs no access to the local disk: unless another module has set one, the local access policy
 * denies every path, and the URL policy denies every download.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces.js';

export const DOSSIER_FONT = 'NotoSansJP';

const VFS_REGULAR = 'kakehashi-dossier/NotoSansJP_400Regular.ttf';
const VFS_BOLD = 'kakehashi-dossier/NotoSansJP_700Bold.ttf';

/** Absolute paths of the regular and bold TTF files. */
export function notoSansJpPaths(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
  return {
    regular: join(dir, '400Regular', 'NotoSansJP_400Regular.ttf'),
    bold: join(dir, '700Bold', 'NotoSansJP_700Bold.ttf'),
  };
}

interface PdfmakeInternals {
  virtualfs: {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Buffer): void;
  };
  localAccessPolicy?: (path: string) => boolean;
  urlAccessPolicy?: (url: string) => boolean;
}

let ready = false;

/** Registers the font with pdfmake (once) and returns the font dictionary for `createPdf`. */
export function preparePdfmake(): typeof pdfmake {
  const internals = pdfmake as unknown as PdfmakeInternals;
  if (!ready) {
    const paths = notoSansJpPaths();
    internals.virtualfs.writeFileSync(VFS_REGULAR, readFileSync(paths.regular));
    internals.virtualfs.writeFileSync(VFS_BOLD, readFileSync(paths.bold));
    if (internals.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy(() => false);
    if (internals.urlAccessPolicy === undefined) pdfmake.setUrlAccessPolicy(() => false);
    ready = true;
  }
  const fonts: TFontDictionary = {
    [DOSSIER_FONT]: {
      normal: VFS_REGULAR,
      bold: VFS_BOLD,
      italics: VFS_REGULAR,
      bolditalics: VFS_BOLD,
    },
  };
  pdfmake.addFonts(fonts);
  return pdfmake;
}

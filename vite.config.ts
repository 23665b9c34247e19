import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { routePreloadsPlugin } from './vite-route-preloads.ts';

// Vite builds the web app only (src/web); the server serves dist/web with an SPA fallback.
const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Modules that do nothing when loaded but define values: the domain (pure code, its zod schemas
 * among the values), the API's schema modules, the shared i18n helpers and the web app's own
 * modules but its entry (main.tsx). Declared so, a page that imports one export of such a module,
 * or of a feature's index, gets that export and what it uses, not the rest of the module's imports
 * (zod, the chart library, other pages).
 */
const PURE_MODULES =
  /\/src\/(domain\/.*|server\/routes\/[^/]*\.schema|i18n\/.*|web\/(?!main\.tsx$).*)\.tsx?$/;

/** What the server may send compressed (fonts and images are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes `x.br` and `x.gz` beside each compressible file of the build, at the highest levels: the
 * server sends them as they are (no compression per request), falling back to `x` itself.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  let dir = outDir;
  return {
    name: 'kakehashi-precompress',
    apply: 'build',
    configResolved(config) {
      dir = config.build.outDir;
    },
    async closeBundle() {
      const files = (await readdir(dir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const bytes = await readFile(path);
          if (bytes.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/** A feature translation file read in parts: `x.json?part=shell|refusals|body`. */
const LOCALE_PART = /\/locales\/features\/[^/]+\.json\?part=(shell|refusals|body)$/;

/** The keys of an area the app's frame shows with every page: its header links (`<area>.nav…`). */
const isShellKey = (key: string): boolean => key.startsWith('nav');

type LocaleTree = Record<string, unknown>;

/** One part of a feature translation file (see `i18n/parts.ts`). */
function localePart(file: LocaleTree, part: string): LocaleTree {
  const { refusals, ...areas } = file;
  if (part === 'refusals') return { refusals: refusals ?? {} };
  const out: LocaleTree = {};
  for (const [area, tree] of Object.entries(areas)) {
    const keys = Object.entries(tree as LocaleTree).filter(
      ([key]) => isShellKey(key) === (part === 'shell'),
    );
    if (keys.length > 0) out[area] = Object.fromEntries(keys);
  }
  return out;
}

/**
 * Splits each feature translation file in three modules: its header links (in the core, with the
 * frame), its refusals (every page may show a refusal of any area, so they travel together in one
 * chunk per language) and the rest (fetched with the feature's pages). The file stays one file
 * for whoever writes it.
 */
function localeParts(): Plugin {
  return {
    name: 'kakehashi-locale-parts',
    enforce: 'pre',
    transform(code, id) {
      const part = LOCALE_PART.exec(id)?.[1];
      if (!part) return null;
      const tree = localePart(JSON.parse(code) as LocaleTree, part);
      return { code: `export default ${JSON.stringify(tree)};`, map: null, moduleType: 'js' };
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [localeParts(), react(), routePreloadsPlugin(root), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Maps are written for whoever reads a stack trace on the server, never linked nor served.
    sourcemap: 'hidden',
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: (id) => (PURE_MODULES.test(id) ? false : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': {
        target: process.env.KAKEHASHI_API_URL ?? 'http://localhost:3000',
        changeOrigin: false,
      },
    },
  },
});

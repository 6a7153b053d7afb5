import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PictureWriter } from './pictureWriter.js';

/** The environment variable that opts Jest users in: the folder to write pictures to. */
export const PICTURES_DIR_ENV = 'GRADCHECK_PICTURES_DIR';

/** FNV-1a, 32 bits: a short, stable suffix so two pictures of one test do not overwrite each other. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A file-name-safe version of a test name, at most 80 characters. */
function fileStem(testName: string): string {
  const stem = testName
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem === '' ? 'gradcheck' : stem;
}

/**
 * A writer that saves each picture as `<dir>/<test name>-<hash>.svg` and returns its absolute
 * path (for the matcher's message to print); it never throws: a folder it cannot write to
 * costs the picture, not the test.
 *
 * @example
 * const write = folderWriter('gradcheck-pictures');
 * write('<svg/>', 'layer > backprop'); // '/project/gradcheck-pictures/layer-backprop-5f1c….svg'
 */
export function folderWriter(dir: string): PictureWriter {
  return (svg, testName) => {
    try {
      const folder = resolve(dir);
      mkdirSync(folder, { recursive: true });
      const path = join(folder, `${fileStem(testName)}-${hash(svg)}.svg`);
      writeFileSync(path, svg);
      return path;
    } catch {
      return undefined;
    }
  };
}

/**
 * The folder writer the environment asks for (`GRADCHECK_PICTURES_DIR`), or undefined.
 *
 * @example
 * // GRADCHECK_PICTURES_DIR=gradcheck-pictures npx jest
 * usePictureWriter(writerFromEnvironment());
 */
export function writerFromEnvironment(env: Record<string, string | undefined> = process.env): PictureWriter | undefined {
  const dir = env[PICTURES_DIR_ENV];
  return dir ? folderWriter(dir) : undefined;
}

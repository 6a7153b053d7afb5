/**
 * Where pictures go when the runner cannot attach them (Jest): a writer that the Jest entry
 * registers when asked to (see `folderWriter`), and that `attachPictures` falls back on. Kept
 * apart from the writer itself so that the Vitest path never imports `node:fs`.
 */

/** Saves a picture and returns where it went (undefined when it could not). */
export type PictureWriter = (svg: string, testName: string) => string | undefined;

let current: PictureWriter | undefined;

/**
 * Registers (or, with `undefined`, removes) the writer `attachPictures` uses when no Vitest
 * test context is at hand.
 *
 * @example
 * usePictureWriter(folderWriter('gradcheck-pictures')); // in gradcheck/jest, when opted in
 */
export function usePictureWriter(writer: PictureWriter | undefined): void {
  current = writer;
}

/**
 * The registered writer, if any.
 *
 * @example
 * pictureWriter()?.(svg, 'my test'); // '/abs/gradcheck-pictures/my-test-1a2b3c4d.svg'
 * @internal
 */
export function pictureWriter(): PictureWriter | undefined {
  return current;
}

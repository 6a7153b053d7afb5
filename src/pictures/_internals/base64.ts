/** Bytes per `String.fromCharCode` call: well under any engine's argument limit. */
const CHUNK = 0x8000;

/**
 * The UTF-8 bytes of `text` in base64, with only web-standard APIs (`TextEncoder`, `btoa`),
 * which Node, browsers and Vitest's browser mode all have. Base64 is what an annotation's
 * `body` means by default in every Vitest from 3.2 to 5 (`bodyEncoding: 'utf-8'` is newer and
 * experimental).
 *
 * @example
 * toBase64('<svg/>'); // 'PHN2Zy8+'
 * @internal
 */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let k = 0; k < bytes.length; k += CHUNK) binary += String.fromCharCode(...bytes.subarray(k, k + CHUNK));
  return btoa(binary);
}

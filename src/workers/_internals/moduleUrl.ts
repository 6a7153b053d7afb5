import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GradcheckError } from '../../numeric/errors.js';

/**
 * @internal Normalises `workerFunction`'s first argument to a `file:` URL string: a `URL`, a
 * `file:` URL string or an absolute path. A relative path is refused rather than guessed: it
 * would be resolved against the worker's cwd, not against the caller's file.
 */
export function toModuleUrl(moduleUrl: string | URL): string {
  const text = String(moduleUrl);
  let url: URL;
  if (moduleUrl instanceof URL || text.startsWith('file:')) {
    url = new URL(text);
  } else if (isAbsolute(text)) {
    url = pathToFileURL(text);
  } else {
    throw new GradcheckError(
      `workerFunction: moduleUrl must be a file: URL or an absolute path (got '${text}'); write new URL('${text}', import.meta.url)`,
    );
  }
  if (url.protocol !== 'file:') {
    throw new GradcheckError(
      `workerFunction: moduleUrl must be a file: URL (got '${url.href}'); worker threads load modules from disk`,
    );
  }
  if (!existsSync(fileURLToPath(url))) {
    throw new GradcheckError(
      `workerFunction: no module at ${url.href}; check the path (new URL('./model.mjs', import.meta.url) resolves against the calling file)`,
    );
  }
  return url.href;
}

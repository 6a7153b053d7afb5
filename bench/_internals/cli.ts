/**
 * What every statistical script shares: "am I the script that was run?" and strict argument
 * parsing, both failing loudly. A script that silently does nothing is a gate that always
 * passes, so a wrong argument or an empty run ends the process with status 2 and one line.
 * @internal
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Whether the module whose `import.meta.url` is given is the script node (or tsx) was asked
 * to run. Compares real paths, not strings: `file://${argv[1]}` differs from the module URL
 * for a checkout path with a space (%20 in the URL) or one reached through a symlink.
 *
 * @example
 * if (isMain(import.meta.url)) await main();
 */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(script);
  } catch {
    return false; // argv[1] is not a file (a REPL, `node -e`): not a script run
  }
}

/**
 * Ends the process with status 2 after one clear line on stderr: for a run that would prove
 * nothing (an unknown argument, nothing selected, nothing checked).
 *
 * @example
 * if (checked === 0) failLoudly('bench/float32.ts: no entry was checked');
 */
export function failLoudly(line: string): never {
  console.error(line);
  process.exit(2);
}

/**
 * Parses `--name value` options strictly (an unknown option or a stray positional fails
 * loudly) and returns each as a positive integer, or undefined when absent.
 *
 * @example
 * const { sample } = integerOptions('bench/float32.ts', ['sample', 'points']);
 */
export function integerOptions<K extends string>(
  script: string,
  names: readonly K[],
  args: readonly string[] = process.argv.slice(2),
): Partial<Record<K, number>> {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    failLoudly(`${script}: ${(error as Error).message} (options: ${names.map((n) => `--${n} <integer>`).join(', ')})`);
  }
  const out: Partial<Record<K, number>> = {};
  for (const name of names) {
    const raw = values[name];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      failLoudly(`${script}: --${name} must be a positive integer, got "${String(raw)}"`);
    out[name] = value;
  }
  return out;
}

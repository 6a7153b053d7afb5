import { requireFunction } from '../../numeric/validate.js';
import type { TreeLayout } from '../../numeric/tree.js';
import type { CheckKind } from '../settings/kinds.js';
import { resolveSettings } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

/** A validated layer check: θ's layout and the resolved settings. */
export interface Prepared {
  readonly layout: TreeLayout;
  readonly settings: Settings;
}

/**
 * Validates f and resolves the options of a layer check (the schema refuses fast mode,
 * sampling, bounds and adaptive steps for them).
 *
 * @example
 * const { layout, settings } = prepare(f, { at: [1, 2] }, 'checkJacobian', 'jacobian');
 */
export function prepare(f: unknown, options: unknown, caller: string, check: CheckKind): Prepared {
  requireFunction(f, caller, 'f (the function under test)');
  const settings = resolveSettings(options, check, caller);
  return { layout: settings.layout, settings };
}

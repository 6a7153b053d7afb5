import type { Tensor } from '../../numeric/tree.js';
import type { Diagnosis, ReportCheck, ReportData, ReportDetails, TensorInfo } from '../report.js';
import { publicSettings } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

/** What a check hands to the report stage: its verdict and the entries it compared. */
export type ReportBody = Omit<ReportData, 'settings' | 'check' | 'tensors' | 'diagnoses' | 'durationMs' | 'details'> & {
  readonly diagnoses?: readonly Diagnosis[];
};

/** What a check says about itself beyond the verdict; every field has a default. */
export interface ReportExtras extends Partial<ReportDetails> {
  /** The tensors the entries live in, when not θ's (f's output for a JVP, a matrix). */
  readonly tensors?: readonly TensorInfo[];
}

/**
 * The report stage every check ends in: plain data, the public settings, θ's tensors, the
 * wall time since the settings were resolved. No message: `format` renders one on demand.
 *
 * @example
 * const report = buildReport(settings, 'gradient', body, { notes: ['…'] });
 * report.durationMs; // e.g. 3.2
 */
export function buildReport(settings: Settings, check: ReportCheck, body: ReportBody, extras: ReportExtras = {}): ReportData {
  const { tensors, ...details } = extras;
  return {
    ...body,
    diagnoses: body.diagnoses ?? [],
    settings: publicSettings(settings),
    check,
    tensors: tensors ?? settings.layout.tensors.map(tensorInfo),
    details: { notes: [], notRechecked: 0, reference: '', ...details },
    durationMs: performance.now() - settings.startedAt,
  };
}

/**
 * A tensor of a layout as reports carry it (no dtype).
 *
 * @example
 * tensorInfo(layout.tensors[0]); // { name: 'W1', shape: [5, 3], offset: 0, size: 15 }
 */
export function tensorInfo(tensor: Tensor): TensorInfo {
  return { name: tensor.name, shape: [...tensor.shape], offset: tensor.offset, size: tensor.size };
}

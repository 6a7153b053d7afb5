import type { PictureReport, PictureTensor } from '../input.js';
import { captions } from './captions.js';
import { header, headline } from './header.js';
import { type Legend, legend } from './legend.js';
import { type Panel, tensorPanel } from './panel.js';
import { KINK, NOT_COMPARED, UNRESOLVED, entryScores } from './scores.js';
import { MARGIN } from './theme.js';

/** At most this many tensor panels; tensors with wrong entries are drawn first. */
export const MAX_PANELS = 32;

/** The report picture, laid out: the pieces of SVG and where the tests can find things. */
export interface ReportLayout {
  readonly title: string;
  readonly description: string;
  readonly height: number;
  readonly body: string;
  readonly legend: Legend;
  readonly panels: readonly Panel[];
}

/** θ's tensors, or the whole θ as one vector when the report does not carry them (or they do not tile it). */
export function tensorsOf(report: PictureReport): readonly PictureTensor[] {
  const n = report.analytic.length;
  const tensors = report.tensors ?? [];
  const tiled =
    tensors.length > 0 && tensors.every((t, k) => t.offset === (k === 0 ? 0 : tensors[k - 1].offset + tensors[k - 1].size));
  const last = tensors[tensors.length - 1];
  if (tiled && last.offset + last.size === n) return tensors;
  return [{ name: 'θ', shape: [n], offset: 0, size: n }];
}

/** The diagnoses' sentences: `report.diagnoses` once reports carry them, today's `report.hints` until then. */
export function diagnosisTexts(report: PictureReport): readonly string[] {
  if (report.diagnoses && report.diagnoses.length > 0) return report.diagnoses.map((d) => d.message);
  return report.hints ?? [];
}

function hasWrong(t: PictureTensor, scores: Float64Array): boolean {
  for (let i = t.offset; i < t.offset + t.size; i++) if (scores[i] > 1) return true;
  return false;
}

function notes(report: PictureReport, drawnAll: number, tensorCount: number): string[] {
  const out: string[] = [];
  const list = (entries: readonly { path: string }[]) =>
    entries
      .slice(0, 6)
      .map((e) => e.path)
      .join(', ') + (entries.length > 6 ? ', …' : '');
  if (report.kinks.length > 0) out.push(`Kink (f is not differentiable there; violet): ${list(report.kinks)}.`);
  if (report.unresolved.length > 0)
    out.push(`Unresolved (finite differences too noisy to judge; grey-blue): ${list(report.unresolved)}.`);
  if (drawnAll < tensorCount) out.push(`${tensorCount - drawnAll} more tensors, all agreeing, are not drawn.`);
  return out;
}

function describe(report: PictureReport, panels: readonly Panel[], items: readonly string[]): string {
  const lines = [headline(report)];
  for (const p of panels) {
    let wrong = 0;
    for (const m of report.mismatches) if (m.index >= p.tensor.offset && m.index < p.tensor.offset + p.tensor.size) wrong++;
    lines.push(
      `${p.tensor.name === '' ? 'θ' : p.tensor.name} (${p.tensor.shape.join('×') || 'scalar'}): ${wrong} of ${p.tensor.size} disagree.`,
    );
  }
  return [...lines, ...items].join(' ');
}

/**
 * Lays out the report picture top to bottom: header, legend, one panel per tensor, then the
 * diagnoses and notes as captions.
 *
 * @example
 * const layout = layoutReport(report);
 * layout.panels[0].box; // where W1's cells are
 * @internal
 */
export function layoutReport(report: PictureReport): ReportLayout {
  const scores = entryScores(report);
  const fast = report.settings.mode === 'fast';
  const outlined = new Set(fast ? report.mismatches.map((m) => m.index) : []);
  const head = header(report);
  const all = tensorsOf(report);
  const drawn =
    all.length <= MAX_PANELS
      ? all
      : [...all.filter((t) => hasWrong(t, scores)), ...all.filter((t) => !hasWrong(t, scores))].slice(0, MAX_PANELS);
  const present = (s: number) => scores.some((x) => x === s);
  const key = legend(head.height, {
    notCompared: present(NOT_COMPARED),
    kinks: present(KINK),
    unresolved: present(UNRESOLVED),
    outlined: outlined.size > 0,
  });
  let y = head.height + key.height + 4;
  const panels: Panel[] = [];
  for (const t of all.filter((t) => drawn.includes(t))) {
    const panel = tensorPanel(t, scores, y, outlined);
    panels.push(panel);
    y += panel.height;
  }
  const diagnoses = diagnosisTexts(report);
  const diagnosis = captions(y, 'Diagnosis', diagnoses);
  y += diagnosis.height;
  const noted = notes(report, drawn.length, all.length);
  const noteBlock = captions(y, 'Notes', noted);
  y += noteBlock.height;
  return {
    title: headline(report),
    description: describe(report, panels, [...diagnoses, ...noted]),
    height: y + MARGIN,
    body: head.svg + key.svg + panels.map((p) => p.svg).join('') + diagnosis.svg + noteBlock.svg,
    legend: key,
    panels,
  };
}

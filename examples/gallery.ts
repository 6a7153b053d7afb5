/**
 * Prints the real failure messages gradcheck gives for the classic backprop bugs, as Markdown,
 * for the guide's gallery: `npx tsx examples/gallery.ts` writes docs/gallery.md (every case) and
 * the guide's selection (docs/guide.md) between its gallery markers; test/docs/gallery.test.ts keeps both current.
 * Every message below is produced by running the check on a reference model (PROBLEMS.md)
 * with a realistic bug; nothing is typed by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkGradient } from '../src/index.js';
import { injectBug, kink, logreg, mlp, mlpTree, ngnnFlat, ngnnTree, rosenbrock, zeroB1 } from '../test/problems/index.js';
import {
  linearData,
  linearF,
  linearGrad,
  logregClippingF,
  logregGradAscent,
  logregGradDoubleReg,
  logregGradMissingReg,
  logregGradSummed,
  mlpTreeZeroB1,
  ngnnFlatMissingReg,
  ngnnFlatRowMajor,
  ngnnFlatShifted,
  ngnnFlatSignFlip,
  ngnnTreeDropoutF,
  ngnnTreeGradInPlaceStep,
  ngnnTreeNegTheta2,
  ngnnTreeOverM,
  ngnnTreeTheta2Reshaped,
  ngnnTreeTimesM,
  ngnnTreeZeroTheta1,
} from '../test/check/diagnose/buggy.js';

interface Case {
  readonly title: string;
  readonly story: string;
  readonly run: () => { message: string } | string;
}

const p2 = logreg();
const p3 = ngnnFlat();
const p3t = ngnnTree();

/** Runs a check; a thrown error's message is shown as the user would see it. */
function shown(run: () => { message: string }): string {
  try {
    return run().message;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

export const CASES: readonly Case[] = [
  {
    title: 'Sign error (P2, logistic regression)',
    story: 'The gradient of the log-likelihood (ascent) returned instead of the gradient of the loss.',
    run: () => checkGradient(p2.f, logregGradAscent, { at: p2.theta0 }),
  },
  {
    title: 'Sign error on one entry (P3 flat, bug B1)',
    story: 'The course network with the sign of entry 12 of the unrolled gradient flipped.',
    run: () => checkGradient(p3.f, ngnnFlatSignFlip(p3.grad), { at: p3.theta0 }),
  },
  {
    title: 'Sign error on one tensor (P3 as a tree)',
    story: "Theta2's gradient negated (δ3 = y − a3 instead of a3 − y, and its λ term with it).",
    run: () => checkGradient(p3t.f, ngnnTreeNegTheta2, { at: p3t.theta0 }),
  },
  {
    title: 'Forgot the 1/m (P3 as a tree)',
    story: 'Δ accumulated over the m = 5 examples and never divided by m.',
    run: () => checkGradient(p3t.f, ngnnTreeTimesM, { at: p3t.theta0 }),
  },
  {
    title: 'Averaged over the batch twice (P3 as a tree)',
    story: 'Divided by m once per example and once more at the end.',
    run: () => checkGradient(p3t.f, ngnnTreeOverM, { at: p3t.theta0 }),
  },
  {
    title: 'Sum where f takes the mean (P2)',
    story: 'The data term summed over the m = 20 examples.',
    run: () => checkGradient(p2.f, logregGradSummed, { at: p2.theta0 }),
  },
  {
    title: 'Forgot the regularisation term (P2, bug B3)',
    story: 'The gradient without (λ/m)·θ; the intercept is not regularised, so it agrees.',
    run: () => checkGradient(p2.f, logregGradMissingReg, { at: p2.theta0 }),
  },
  {
    title: 'Forgot the regularisation term (P3 flat, bug B3)',
    story: "The course network's backprop without its λ term (the bias columns are not regularised).",
    run: () => checkGradient(p3.f, ngnnFlatMissingReg, { at: p3.theta0 }),
  },
  {
    title: 'Regularisation added twice (P2)',
    story: 'A helper adds (λ/m)·θ and so does its caller.',
    run: () => checkGradient(p2.f, logregGradDoubleReg, { at: p2.theta0 }),
  },
  {
    title: 'Row- vs column-major unrolling (P3 flat, bug B4)',
    story: "Theta2's gradient unrolled row-major into the column-major 38-vector.",
    run: () => checkGradient(p3.f, ngnnFlatRowMajor, { at: p3.theta0 }),
  },
  {
    title: 'Reshaped in the wrong order (P3 as a tree)',
    story: "Theta2's gradient flattened column-major, then reshaped row-major.",
    run: () => checkGradient(p3t.f, ngnnTreeTheta2Reshaped, { at: p3t.theta0 }),
  },
  {
    title: 'Transposed weight gradient (a linear layer, 3×3)',
    story: 'x·(Wx − y)ᵀ instead of (Wx − y)·xᵀ.',
    run: () => checkGradient(linearF, linearGrad(true), { at: linearData.W0 }),
  },
  {
    title: 'Off by one (P3 flat)',
    story: "A copy loop writes Theta2's gradient one slot late.",
    run: () => checkGradient(p3.f, ngnnFlatShifted, { at: p3.theta0 }),
  },
  {
    title: "A layer's gradient left at zero (P3 as a tree)",
    story: 'Theta1_grad never filled in.',
    run: () => checkGradient(p3t.f, ngnnTreeZeroTheta1, { at: p3t.theta0 }),
  },
  {
    title: 'Forgotten bias gradient (P4 MLP as a tree, bug B6, 400 sampled entries)',
    story: "b1's gradient returned as zeros; `sample: 400` keeps the check of 9 610 parameters quick.",
    run: () => {
      const p4 = mlpTree('small');
      return checkGradient(p4.f, mlpTreeZeroB1(p4.grad), { at: p4.theta0, sample: 400 });
    },
  },
  {
    title: 'Forgotten bias gradient (P4 MLP, flat vector, bug B6, 400 sampled entries)',
    story: 'The same bug when θ is one Float64Array.',
    run: () => {
      const p4 = injectBug(mlp('small'), zeroB1(mlp('small').blocks));
      return checkGradient(p4.f, p4.grad, { at: p4.theta0, sample: 400 });
    },
  },
  {
    title: 'A kink, not a bug (P5, ReLU at 0) — this check passes',
    story: "θ[2] sits exactly on the ReLU kink; the analytic value uses relu'(0) = 0. It passes: the kink is named, not failed.",
    run: () => {
      const p5 = kink();
      return checkGradient(p5.f, p5.grad, { at: p5.theta0 });
    },
  },
  {
    title: 'A kink counted as a failure (P5, kinks: "fail")',
    story: 'The same check with `kinks: "fail"`.',
    run: () => {
      const p5 = kink();
      return checkGradient(p5.f, p5.grad, { at: p5.theta0, kinks: 'fail' });
    },
  },
  {
    title: 'Dropout left on (P3 as a tree)',
    story: 'f drops a random hidden unit on every call.',
    run: () => checkGradient(ngnnTreeDropoutF(), p3t.grad, { at: p3t.theta0 }),
  },
  {
    title: 'grad updates θ in place (P3 as a tree)',
    story: 'grad takes a gradient-descent step on Theta1 before returning.',
    run: () => checkGradient(p3t.f, ngnnTreeGradInPlaceStep, { at: p3t.theta0 }),
  },
  {
    title: 'f clips θ in place (P2)',
    story: 'f clamps θ to [−0.25, 0.25] "for stability", writing into its input.',
    run: () => checkGradient(logregClippingF(p2.f), p2.grad, { at: p2.theta0 }),
  },
  {
    title: 'Step too small (P2, step: 1e-13)',
    story: 'A correct gradient, judged with a step that leaves the differences of f to round-off.',
    run: () => checkGradient(p2.f, p2.grad, { at: p2.theta0, step: 1e-13 }),
  },
  {
    title: 'Step too large (P1 Rosenbrock, n = 1000, step: 0.05)',
    story:
      'A correct gradient, judged with a step too large for the curvature; more entries fail than the re-check budget covers.',
    run: () => {
      const p1 = rosenbrock(1000);
      return checkGradient(p1.f, p1.grad, { at: p1.theta0, step: 0.05 });
    },
  },
  {
    title: 'f is NaN next to θ (P2 with a log of a parameter)',
    story: 'f takes log θ[1] and θ[1] is within a step of 0.',
    run: () =>
      checkGradient(
        (t: number[]) => p2.f(t) + Math.log(t[1]),
        (t: number[]) => p2.grad(t).map((g, k) => (k === 1 ? g + 1 / t[1] : g)),
        {
          at: [0.1, 5e-5, 0.3],
        },
      ),
  },
];

/** The cases the guide shows: the classic bugs, one of each kind. */
export const README_CASES: readonly string[] = [
  'Sign error (P2, logistic regression)',
  'Forgot the 1/m (P3 as a tree)',
  'Forgot the regularisation term (P3 flat, bug B3)',
  'Row- vs column-major unrolling (P3 flat, bug B4)',
  'Transposed weight gradient (a linear layer, 3×3)',
  'A kink, not a bug (P5, ReLU at 0) — this check passes',
  'Dropout left on (P3 as a tree)',
];

/** The Markdown of `cases`, each under a heading of `level` (`##`, `###`). */
export function galleryMarkdown(cases: readonly Case[], level: string): string {
  const out: string[] = [];
  for (const c of cases) {
    out.push('', `${level} ${c.title}`, '', c.story, '', '```text', shown(c.run as () => { message: string }), '```');
  }
  return out.join('\n');
}

/** docs/gallery.md: every case. */
export function fullGallery(): string {
  return [
    '# Gallery of failure messages',
    '',
    "Generated by `npx tsx examples/gallery.ts` (which also refreshes the guide's selection): each",
    'message is what `checkGradient` returns (and `expect(f).toHaveGradient(grad, options)` prints)',
    'for a classic backprop bug in one of the reference models of PROBLEMS.md. The buggy',
    'implementations are in `test/check/diagnose/buggy.ts`.',
    galleryMarkdown(CASES, '##'),
    '',
  ].join('\n');
}

/** The guide's gallery: the classic bugs, between the gallery markers. */
export function readmeGallery(): string {
  const chosen = README_CASES.map((title) => {
    const found = CASES.find((c) => c.title === title);
    if (!found) throw new Error(`gallery: no case titled ${title}`);
    return found;
  });
  return galleryMarkdown(chosen, '###');
}

export const GALLERY_START = '<!-- gallery:start (generated by examples/gallery.ts; do not edit by hand) -->';
export const GALLERY_END = '<!-- gallery:end -->';

/** `readme` with the text between the gallery markers replaced by `gallery`. */
export function withGallery(readme: string, gallery: string): string {
  const start = readme.indexOf(GALLERY_START);
  const end = readme.indexOf(GALLERY_END);
  if (start < 0 || end < start) throw new Error('docs/guide.md has no gallery markers');
  return `${readme.slice(0, start + GALLERY_START.length)}\n${gallery}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('..', import.meta.url);
  writeFileSync(new URL('docs/gallery.md', root), fullGallery());
  const guide = new URL('docs/guide.md', root);
  writeFileSync(guide, withGallery(readFileSync(guide, 'utf8'), readmeGallery()));
  console.log("examples/gallery.ts: wrote docs/gallery.md and the guide's gallery (docs/guide.md)");
}

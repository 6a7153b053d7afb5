/**
 * `npm run demo`: the classic recipe on a small network. First a passing check of correct
 * backpropagation, then the readable failure for three classic backprop bugs; the same reports
 * as pictures on an HTML page (demo-output/index.html).
 */
import { checkGradient } from '../src/index.js';
import { type DemoSection, writeDemoPage } from './demoPage.js';
import { type Bug, type Net, initialNet, loss, lossGradient, makeData } from './network.js';

const { X, y } = makeData(8);
const lambda = 1;
const theta = initialNet();
const f = (net: Net) => loss(net, X, y, lambda);
const grad = (bug: Bug) => (net: Net) => lossGradient(net, X, y, lambda, bug);

const rule = (title: string) => console.log(`\n${'─'.repeat(8)} ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\n`);

const sections: DemoSection[] = [];
rule('correct backpropagation');
const ok = checkGradient(f, grad('none'), { at: theta, maxRelativeDifference: 1e-9 });
console.log(`pass: ${ok.pass}`);
console.log(
  `${ok.size} parameters, ${ok.evaluations} evaluations of the loss, max rel error ${ok.maxRelError.toExponential(2)}, ` +
    `relative difference ‖a − n‖/‖a + n‖ = ${ok.relativeDifference.toExponential(2)} (the course asks for < 1e-9)`,
);
if (!ok.pass) {
  console.error(ok.message);
  process.exit(1);
}
sections.push({ title: 'correct backpropagation', report: ok });

const bugs: [Bug, string][] = [
  ['sign-flip-in-output-layer', 'bug 1: δ = y − p instead of p − y in the output layer'],
  ['forgot-regularisation', 'bug 2: the L2 term (λ/m)·W left out of the gradient'],
  ['transposed-W1-gradient', "bug 3: W1's gradient written back in the wrong order"],
];
for (const [bug, title] of bugs) {
  rule(title);
  const report = checkGradient(f, grad(bug), { at: theta });
  console.log(report.message);
  sections.push({ title, report });
  if (report.pass) {
    console.error(`\nThe check should have failed for ${bug}.`);
    process.exit(1);
  }
}

rule('done');
console.log(`The same checks as pictures: ${writeDemoPage(sections)}`);
console.log('Once the gradient is right, switch the check off for training: it costs 2n evaluations of the loss.');

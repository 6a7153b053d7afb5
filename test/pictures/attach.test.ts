import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGradient } from 'gradcheck';
import { afterEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { attachPictures } from '../../src/pictures/attach.js';
import { folderWriter, writerFromEnvironment } from '../../src/pictures/folderWriter.js';
import type { PictureReport } from '../../src/pictures/input.js';
import { usePictureWriter } from '../../src/pictures/pictureWriter.js';

const at = [0.3, -0.2];
const f = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
const right = ([w, b]: number[]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
const wrong = ([w, b]: number[]) => [4 * (2 * w + b - 1), 0];
const passing: PictureReport = checkGradient(f, right, { at });
const failing: PictureReport = checkGradient(f, wrong, { at });

/** A matcher `this` as Vitest 4.1 and 5 give it: the running test on `task`, its context on `task.context`. */
function fakeVitest(isNot = false) {
  const annotate = vi.fn((..._args: unknown[]) => Promise.resolve());
  return { matcher: { isNot, currentTestName: 'fake', task: { context: { annotate } } }, annotate };
}

const decode = (body: string) => new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0)));

afterEach(() => usePictureWriter(undefined));

describe('attachPictures', () => {
  test("attaches the SVG on failure (default 'on-failure'), base64 image/svg+xml, typed 'gradcheck'", () => {
    const { matcher, annotate } = fakeVitest();
    expect(attachPictures(matcher, failing, failing.pass)).toEqual({ attached: true });
    expect(annotate).toHaveBeenCalledTimes(1);
    const [message, type, attachment] = annotate.mock.calls[0] as [string, string, { contentType: string; body: string }];
    expect(message).toBe('Gradient check failed: 1 of 2 entries disagree (error heatmap)');
    expect(type).toBe('gradcheck');
    expect(attachment.contentType).toBe('image/svg+xml');
    expect(decode(attachment.body)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*θ[\s\S]*<\/svg>$/);
  });

  test("does not attach on a pass, unless 'always'", () => {
    const quiet = fakeVitest();
    expect(attachPictures(quiet.matcher, passing, passing.pass, 'on-failure')).toEqual({ attached: false });
    expect(quiet.annotate).not.toHaveBeenCalled();
    const loud = fakeVitest();
    expect(attachPictures(loud.matcher, passing, passing.pass, 'always')).toEqual({ attached: true });
    expect(loud.annotate).toHaveBeenCalledTimes(1);
  });

  test('never attaches with false', () => {
    const { matcher, annotate } = fakeVitest();
    expect(attachPictures(matcher, failing, failing.pass, false)).toEqual({ attached: false });
    expect(annotate).not.toHaveBeenCalled();
  });

  test('under .not, "failure" means the assertion fails: a passing check', () => {
    const negated = fakeVitest(true);
    attachPictures(negated.matcher, passing, passing.pass);
    expect(negated.annotate).toHaveBeenCalledTimes(1);
    const fine = fakeVitest(true);
    attachPictures(fine.matcher, failing, failing.pass);
    expect(fine.annotate).not.toHaveBeenCalled();
  });

  test('does nothing and never throws under Jest (no task), without a matcher, or when annotate throws', () => {
    const jestThis = { isNot: false, currentTestName: 'jest test', utils: {} };
    expect(attachPictures(jestThis, failing, false)).toEqual({ attached: false });
    expect(attachPictures(undefined, failing, false)).toEqual({ attached: false });
    const finished = {
      task: {
        context: {
          annotate: () => {
            throw new Error('Cannot annotate tests outside of the test run.');
          },
        },
      },
    };
    expect(attachPictures(finished, failing, false)).toEqual({ attached: false });
  });

  test('under Jest with a registered folder writer, writes the SVG and returns its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcheck-pictures-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    usePictureWriter(writerFromEnvironment({ GRADCHECK_PICTURES_DIR: dir }));
    const outcome = attachPictures({ currentTestName: 'layer > backprop <1>' }, failing, false);
    expect(outcome.attached).toBe(false);
    expect(outcome.path).toMatch(/layer-backprop-1-[0-9a-f]{8}\.svg$/);
    expect(readFileSync(outcome.path as string, 'utf8')).toMatch(/^<svg/);
    // Opt-in only: no variable, no writer; and a pass writes nothing.
    expect(writerFromEnvironment({})).toBeUndefined();
    expect(attachPictures({ currentTestName: 'x' }, passing, true)).toEqual({ attached: false });
  });

  test('folderWriter returns undefined rather than throw when it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcheck-pictures-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    expect(folderWriter(join(file, 'sub'))('<svg/>', 'x')).toBeUndefined();
  });
});

describe('attachPictures in a real Vitest test', () => {
  // A matcher that calls attachPictures as gradcheck's matchers will: with its own `this`.
  expect.extend({
    toAttachPicture(received: PictureReport, option?: 'on-failure' | 'always' | false) {
      const outcome = attachPictures(this, received, received.pass, option);
      return { pass: true, message: () => `attached: ${outcome.attached}` };
    },
  });
  const check = expect as unknown as (r: PictureReport) => { toAttachPicture(option?: 'on-failure' | 'always' | false): void };

  test('a failing report is attached to the running test as an image/svg+xml annotation', () => {
    onTestFinished(({ task }) => {
      expect(task.annotations).toHaveLength(1);
      const [annotation] = task.annotations;
      expect(annotation.type).toBe('gradcheck');
      expect(annotation.attachment?.contentType).toBe('image/svg+xml');
      expect(decode(annotation.attachment?.body as string)).toMatch(/^<svg/);
    });
    check(failing).toAttachPicture();
  });

  test("a passing report is not attached, unless 'always'; never with false", () => {
    onTestFinished(({ task }) => {
      expect(task.annotations.map((a) => a.message)).toEqual(['Gradient check passed: all 2 entries agree (error heatmap)']);
    });
    check(passing).toAttachPicture();
    check(failing).toAttachPicture(false);
    check(passing).toAttachPicture('always');
  });
});

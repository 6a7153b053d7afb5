/** Pictures of reports: SVG heatmaps and Taylor plots, and their place in the test report. */
export { reportSvg } from './reportSvg.js';
export { convergenceSvg } from './convergenceSvg.js';
export { attachPictures, type PictureOutcome } from './attach.js';
export { type PictureWriter, usePictureWriter } from './pictureWriter.js';
export type { ConvergencePictureReport, PictureReport, PicturesOption, PictureTensor } from './input.js';

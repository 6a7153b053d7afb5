// `npm run build`: tsdown.config.ts, through tsdown's API rather than its CLI. The CLI opens with
// "Node.js v20 is deprecated" on Node 20; tsdown 0.21 is the last line that runs there, and this
// package supports Node 20 (engines), so the notice says nothing we can act on and is not shown.
import { build } from 'tsdown';

await build({});

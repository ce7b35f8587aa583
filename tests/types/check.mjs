// check.mjs — type-checks tests/types/usage.ts against web/rgv.d.ts with the project's
// TypeScript (npm devDependency): `tsc --noEmit -p tests/types`. Prints ok/FAIL lines.
//
//   node tests/types/check.mjs
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsc = path.join(here, '../../node_modules/typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', here], { encoding: 'utf8' });
const output = `${run.stdout}${run.stderr}`.trim();
const ok = run.status === 0;
console.log(`${ok ? 'ok  ' : 'FAIL'} tsc --noEmit on tests/types/usage.ts ${ok ? '' : `\n${output}`}`);
console.log(`types: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);

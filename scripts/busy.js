// Keeps every CPU core busy until stopped (Ctrl-C), to run the test suite on a loaded machine:
//   node scripts/busy.js & BUSY=$!; npm test; kill $BUSY
// Give a number to use that many cores: node scripts/busy.js 2
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const cores = Number(process.argv[2] ?? availableParallelism());
for (let i = 0; i < cores; i++) new Worker('for (;;) Math.sqrt(Math.random());', { eval: true });
console.log(`Keeping ${cores} core(s) busy; stop with Ctrl-C or kill ${process.pid}.`);

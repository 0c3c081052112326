// The V8 old-space bound `npm start` gives the server process (worker threads have their own
// limits). Without one, V8 sizes the heap from the machine's memory and keeps whatever headroom a
// burst of requests grew, so RSS climbed to 664 MB in the import-bombs bench after a load of
// /api/health — not a leak, garbage V8 saw no reason to collect. Measured (tests/bench/heap-bound.bench.ts)
// against the largest jobs that run on the main thread: the inventory XLSX export of 10,000 assets,
// Ledningens genomgång data for the same organisation and the protocol data of a classification
// with ten informationsmängder; see the notes of issue 15 for the figures.
export const productionHeapMb = 256;

/** The flag, unless the operator gave one of their own (in NODE_OPTIONS or on the command line), which then wins. */
export function heapFlags(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].some((argument) => argument.startsWith('--max-old-space-size'));
  return given ? [] : [`--max-old-space-size=${productionHeapMb}`];
}

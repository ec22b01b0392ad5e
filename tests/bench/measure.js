// Timing shared by the benchmarks in node and in the page: the median rate of
// repeated runs, each long enough for the browser's coarse performance.now().
(function (root, factory) {
  if (typeof module === 'object') module.exports = factory();
  else root.measure = factory();
})(this, () => {
  'use strict';

  function median(values) {
    const v = [...values].sort((a, b) => a - b);
    const mid = v.length >> 1;
    return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  async function seconds(run, n) {
    const start = performance.now();
    await run(n);
    return (performance.now() - start) / 1000;
  }

  // Median seconds of `await run()` over `repeats` runs, after one that is not counted.
  async function medianSeconds(run, { repeats = 7 } = {}) {
    await run();
    const times = [];
    for (let i = 0; i < repeats; i++) times.push(await seconds(run));
    return median(times);
  }

  // Median of n / time over `repeats` timed runs of `await run(n)`, n being
  // chosen so that a run lasts about `target` seconds. Finding n (doubling it
  // from 1) and one run at full size are the warm-up, and are not counted.
  async function medianRate(run, { target = 0.25, repeats = 7 } = {}) {
    let n = 1;
    let t;
    while ((t = await seconds(run, n)) < target / 8) n *= 2;
    n = Math.max(1, Math.round((n * target) / t));
    await run(n);
    const rates = [];
    for (let i = 0; i < repeats; i++) rates.push(n / (await seconds(run, n)));
    return median(rates);
  }

  return { median, medianSeconds, medianRate };
});

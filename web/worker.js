// The training worker's body. A page opened from file:// may not start a worker
// from a script URL, so training.js builds the worker's script from the source
// text of the module factory followed by this function's source. It must
// therefore use nothing from the page's scope.
//
// Messages from the page: {type: 'configure', settings, run}, {type: 'load', bytes, run},
// {type: 'start'}, {type: 'pause'}. Configure and load begin a new training run,
// numbered by the page; the worker's messages about a run carry its number.
// Messages to the page: {type: 'ready'}, {type: 'progress', run, progress,
// samplesPerSecond}, {type: 'model', run, bytes or weights, evaluation, epochs},
// {type: 'stopped', run, done}, {type: 'error', message}.
function trainingWorker() {
  'use strict';
  const SLICE_MS = 40;  // training time between looks at the page's messages
  // The page gets the weights and their held-out score every SNAPSHOT_MS, or
  // sooner, after SNAPSHOT_EPOCHS of training, so that even a fast run draws a
  // smooth held-out curve; but at most every MIN_SNAPSHOT_MS, and evaluating
  // may take at most a tenth of the time.
  const SNAPSHOT_MS = 300;
  const SNAPSHOT_EPOCHS = 0.25;
  const MIN_SNAPSHOT_MS = 100;

  let session = null;
  let run = 0;
  let running = false;
  let batchesPerSlice = 1;
  let samples = 0;
  let epochs = 0;  // passes over the training digits so far, with fractions
  let samplesPerSecond = 0;
  let lastSliceEnd = 0;
  // The last snapshot: when, after how many epochs, and the least time until the next.
  let snapshot = { at: 0, epochs: 0, gap: MIN_SNAPSHOT_MS };

  // A zero-delay pause between slices, so that messages from the page get through.
  const tick = new MessageChannel();
  tick.port1.onmessage = trainSlice;

  const ready = DigitNet().then(async (M) => {
    session = new M.Session();
    await M.loadBundledData(session);
    postMessage({ type: 'ready' });
  });

  const handlers = {
    configure(message) {
      running = false;
      run = message.run;
      session.configure(JSON.stringify(message.settings));
      newRun();
    },
    load(message) {
      run = message.run;
      session.loadModel(message.bytes);  // training goes on from these weights, from epoch 0
      newRun();
    },
    start() {
      if (running) return;
      running = true;
      samplesPerSecond = 0;
      lastSliceEnd = performance.now();
      tick.port2.postMessage(null);
    },
    pause() {
      if (!running) return;
      running = false;
      postModel();
      postMessage({ type: 'stopped', run, done: false });
    },
  };

  function newRun() {
    samples = epochs = 0;
    postModel(true);
  }

  self.onmessage = async ({ data }) => {
    try {
      await ready;
      handlers[data.type](data);
    } catch (error) {
      stop(error);
    }
  };

  function trainSlice() {
    if (!running) return;
    try {
      const start = performance.now();
      const progress = { ...session.train(batchesPerSlice) };
      const end = performance.now();
      // Aim the next slice at SLICE_MS of training.
      batchesPerSlice = Math.max(1, Math.round(batchesPerSlice * Math.min(2, SLICE_MS / Math.max(end - start, 0.1))));
      const rate = ((progress.samples - samples) * 1000) / Math.max(end - lastSliceEnd, 0.1);
      samplesPerSecond = samplesPerSecond ? 0.8 * samplesPerSecond + 0.2 * rate : rate;
      samples = progress.samples;
      epochs = progress.epochs;
      postMessage({ type: 'progress', run, progress, samplesPerSecond });
      const since = end - snapshot.at;
      if (progress.done || since >= Math.max(SNAPSHOT_MS, snapshot.gap) ||
          (epochs - snapshot.epochs >= SNAPSHOT_EPOCHS && since >= snapshot.gap)) postModel();
      if (progress.done) {
        running = false;
        postMessage({ type: 'stopped', run, done: true });
        return;
      }
      lastSliceEnd = performance.now();
      tick.port2.postMessage(null);
    } catch (error) {
      stop(error);
    }
  }

  // Sends the weights and their held-out evaluation: for a new run as model file
  // bytes, which carry the architecture; within a run as the bare weights, which
  // cost far less to copy out.
  function postModel(newArchitecture = false) {
    const start = performance.now();
    const model = newArchitecture ? { bytes: session.saveModel() } : { weights: session.getWeights() };
    const evaluation = session.evaluateHeldOut();
    postMessage({ type: 'model', run, ...model, evaluation, epochs },
      [(model.bytes || model.weights).buffer, evaluation.confusion.buffer, evaluation.predicted.buffer]);
    const end = performance.now();
    // (Evaluating while idle, as after configure, is no guide: the code may not be compiled fully yet.)
    const gap = running ? Math.max(MIN_SNAPSHOT_MS, 10 * (end - start)) : snapshot.gap;
    snapshot = { at: end, epochs, gap };
  }

  function stop(error) {
    const wasRunning = running;
    running = false;
    postMessage({ type: 'error', message: error && error.message ? error.message : String(error) });
    if (wasRunning) postMessage({ type: 'stopped', run, done: false });
  }
}

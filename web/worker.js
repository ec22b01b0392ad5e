// The training worker: an entry point of its own, bundled into a classic
// script of its own (web/build.js). A page opened from file:// may not start a
// worker from a script URL, so training.js makes the worker from a Blob: the
// module factory's source text, this bundle, and a call of trainingWorker()
// with the factory.
import { instantiateDigitNet } from './wasm-module.js';

/** @typedef {import('digitnet-module').DigitNetFactory} DigitNetFactory */

// The worker owns the run: the network, its settings, the trainer and whether
// it is training. The page sends intents and shows what the worker last reported.
//
//   states: loading   no network yet: the module is being made ready
//           idle      a network that is not training (new, loaded, or after Stop)
//           building  making a new network from settings
//           running   training
//           paused    training stopped in the middle of a run; resume goes on with it
//           finished  the run trained all its epochs
//           failed    the last intent failed; the network is the one kept
//
//   intent (from the page)  from                to
//   build {settings, train} any but building    building, then idle (or running if train) | failed
//   train {settings}        paused; or idle,    running: a new run from the current weights
//                           finished, failed    with these settings (same layers as the network)
//                           with weights trained
//                           or loaded
//   start                   paused, or idle     running: goes on with the run it holds
//                           with a new network
//   pause                   running             paused
//   load {bytes}            any but building    idle: the loaded model, no run
//   end of the run          running             finished
//   an error                any                 failed, with the weights it kept
// Every report lists the intents its state allows (allowed); an intent that
// does not apply in the current state (a pause that crossed the end of the
// run) changes nothing and reports the state as it is.
//
// Every message to the page is a report:
//   {state, allowed, run, settings, origin, continues, progress, message?, samplesPerSecond?,
//    model?: {bytes or weights, evaluation}}
// run numbers the runs (each build, train or load begins one); settings are
// the current run's; origin says where the weights came from ('new': built
// and not trained since, 'trained', 'loaded'); continues is true when the run
// began from weights trained or loaded before it; progress is {samples, epochs,
// totalEpochs, loss, accuracy}; message is set when an intent failed. model
// comes with every change of state, as model file bytes (which carry the
// architecture), and now and then while training as the bare weights. Its
// evaluation (on the held-out digits) is null in the first network's first
// report, so that the page is ready sooner; a report with it follows.
/** @param {DigitNetFactory} DigitNet */
export function trainingWorker(DigitNet) {
  const SLICE_MS = 40;  // training time between looks at the page's messages
  // The page gets the weights and their held-out score every SNAPSHOT_MS, or
  // sooner, after SNAPSHOT_EPOCHS of training, so that even a fast run draws a
  // smooth held-out curve; but at most every MIN_SNAPSHOT_MS, and evaluating
  // may take at most a tenth of the time.
  const SNAPSHOT_MS = 300;
  const SNAPSHOT_EPOCHS = 0.25;
  const MIN_SNAPSHOT_MS = 100;

  let M = null;
  let session = null;
  let state = 'loading';
  let run = 0;
  let settings = null;
  let origin = 'new';
  let continues = false;
  let progress = null;
  let batchesPerSlice = 1;
  let samplesPerSecond = 0;
  let lastSliceEnd = 0;
  let sliceQueued = false;  // one training loop at most: a slice is queued or running
  // The last snapshot: when, after how many epochs, and the least time until the next.
  let snapshot = { at: 0, epochs: 0, gap: MIN_SNAPSHOT_MS };

  // A zero-delay pause between slices, so that messages from the page get through.
  const tick = new MessageChannel();
  tick.port1.onmessage = trainSlice;

  // The page sends the compiled WebAssembly module first: {type: 'module', module}.
  // The held-out digits are enough to build and score the first network; the
  // training digits are inflated meanwhile, before any intent that trains.
  let received;
  const ready = new Promise((resolve) => { received = resolve; }).then(async (wasmModule) => {
    M = await instantiateDigitNet(DigitNet, wasmModule);
    session = new M.Session();
    await M.loadHeldOutData(session);
  });
  const trainingData = ready.then(() => M.loadTrainingData(session));
  const needsTrainingData = ({ type, train }) => ['train', 'start'].includes(type) || (type === 'build' && train);

  const intents = {
    build({ settings: next, train }) {
      enter('building');  // the page shows it while the network is made
      const kept = hasNetwork() ? session.saveModel() : null;
      try {
        configure(next);
      } catch (error) {
        if (kept) session.loadModel(kept);
        throw error;
      }
      newRun(next, 'new');
      if (train) startTraining();
      // The page waits for the first network to be ready: its score follows in a report of its own.
      else enter('idle', { withModel: true, scoreLater: run === 1 });
    },
    train({ settings: next }) {
      // configure makes a network from the settings; the current weights then replace its own.
      const kept = session.saveModel();
      try {
        configure(next);
        session.loadModel(kept);
      } catch (error) {
        session.loadModel(kept);
        throw error;
      }
      newRun(next, 'trained');
      startTraining();
    },
    start() {
      startTraining();
    },
    pause() {
      enter('paused', { withModel: true });
    },
    load({ bytes }) {
      session.loadModel(bytes);
      newRun(null, 'loaded');
      enter('idle', { withModel: true });
    },
  };

  // The intents the current state allows (the table above).
  function allowedIntents() {
    switch (state) {
      case 'building': return [];  // intents wait until the network is made
      case 'running': return ['pause', 'build', 'load'];
      case 'paused': return ['start', 'train', 'build', 'load'];
      case 'loading': return ['build', 'load'];
      default:  // idle, finished, failed
        if (origin !== 'new') return ['train', 'build', 'load'];
        return state === 'idle' ? ['start', 'build', 'load'] : ['build', 'load'];
    }
  }

  function hasNetwork() {
    try {
      session.describe();
      return true;
    } catch (_) {
      return false;
    }
  }

  function configure(next) {
    session.configure(next);
  }

  function newRun(next, from) {
    run += 1;
    settings = next;
    continues = from !== 'new';
    origin = from;
    progress = { samples: 0, epochs: 0, totalEpochs: next ? next.epochs : 0 };
  }

  function startTraining() {
    if (origin !== 'loaded' || progress.samples) origin = 'trained';
    samplesPerSecond = 0;
    lastSliceEnd = performance.now();
    enter('running', { withModel: true });
    if (!sliceQueued) {
      sliceQueued = true;
      tick.port2.postMessage(null);
    }
  }

  // Changes state and reports it (with the model file when asked; with
  // scoreLater, its held-out evaluation follows in a report of its own).
  /** @param {string} next @param {{withModel?: boolean, message?: string, scoreLater?: boolean}} [options] */
  function enter(next, { withModel = false, message, scoreLater = false } = {}) {
    state = next;
    report({ model: withModel ? modelReport(true, !scoreLater) : undefined, message });
    if (scoreLater) {
      setTimeout(() => {
        try {
          report({ model: modelReport(false) });
        } catch (error) {
          fail(error);
        }
      }, 0);
    }
  }

  /** @param {{model?: any, message?: string}} [extra] */
  function report(extra = {}) {
    const message = { state, allowed: allowedIntents(), run, settings, origin, continues, progress, samplesPerSecond, ...extra };
    const { model } = message;
    const transfer = model ? [(model.bytes || model.weights).buffer] : [];
    if (model && model.evaluation) transfer.push(model.evaluation.confusion.buffer, model.evaluation.predicted.buffer);
    postMessage(message, { transfer });
  }

  // The weights (as model file bytes, or bare) and their held-out evaluation
  // (null when not asked for).
  function modelReport(asFile, evaluate = true) {
    const start = performance.now();
    const model = asFile ? { bytes: session.saveModel() } : { weights: session.getWeights() };
    model.evaluation = evaluate ? session.evaluateHeldOut() : null;
    const end = performance.now();
    // (Evaluating while idle is no guide: the code may not be compiled fully yet.)
    const gap = state === 'running' ? Math.max(MIN_SNAPSHOT_MS, 10 * (end - start)) : snapshot.gap;
    snapshot = { at: end, epochs: progress ? progress.epochs : 0, gap };
    return model;
  }

  // Intents run one at a time, in the order they came.
  let queue = ready;
  self.onmessage = ({ data }) => {
    if (data.type === 'module') {
      received(data.module);
      return;
    }
    queue = queue
      .then(() => (needsTrainingData(data) ? trainingData : null))
      .then(() => (allowedIntents().includes(data.type) ? intents[data.type](data) : report()))
      .catch(fail);
  };

  function trainSlice() {
    sliceQueued = false;
    if (state !== 'running') return;
    try {
      const start = performance.now();
      const p = session.train(batchesPerSlice);
      const end = performance.now();
      // Aim the next slice at SLICE_MS of training.
      batchesPerSlice = Math.max(1, Math.round(batchesPerSlice * Math.min(2, SLICE_MS / Math.max(end - start, 0.1))));
      const rate = ((p.samples - progress.samples) * 1000) / Math.max(end - lastSliceEnd, 0.1);
      samplesPerSecond = samplesPerSecond ? 0.8 * samplesPerSecond + 0.2 * rate : rate;
      progress = { samples: p.samples, epochs: p.epochs, totalEpochs: progress.totalEpochs, loss: p.loss, accuracy: p.accuracy };
      if (p.done) {
        enter('finished', { withModel: true });
        return;
      }
      const since = end - snapshot.at;
      const due = since >= Math.max(SNAPSHOT_MS, snapshot.gap) ||
        (progress.epochs - snapshot.epochs >= SNAPSHOT_EPOCHS && since >= snapshot.gap);
      report({ model: due ? modelReport(false) : undefined });
      lastSliceEnd = performance.now();
      sliceQueued = true;
      tick.port2.postMessage(null);
    } catch (error) {
      fail(error);
    }
  }

  // Any failure: the session kept its network (the core leaves it as it was, or
  // restores the last good weights when a run diverges); report it with them.
  function fail(error) {
    let model;
    try {
      model = modelReport(true);
    } catch (_) {
      model = undefined;  // no network at all yet
    }
    state = 'failed';
    report({ model, message: plainMessage(error) });
  }

  // What a person can read: the module's own messages pass; the C++ library's
  // and the engine's are replaced by what they mean.
  function plainMessage(error) {
    const text = String((error && error.message) || error);
    if (/bad_alloc|out of memory|Cannot enlarge memory/i.test(text)) {
      return 'There is not enough memory for a network this size. Choose fewer units or layers.';
    }
    if (error instanceof WebAssembly.RuntimeError || /^std::|vector|basic_string|Aborted/.test(text)) {
      return 'Something went wrong inside the network code. Reload the page to start again.';
    }
    return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
  }
}

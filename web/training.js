'use strict';
// The page side of training: starts the worker, drives it from the controls and
// shows its progress as numbers and charts. Every model the worker sends is
// handed to onModel({bytes or weights}, evaluation).

class TrainingPanel {
  // elements: form, toggle, reset, note, epoch, samples, samplesPerSecond, accuracy,
  // lossChart, accuracyChart. onStatus(text, kind) tells the person what happened;
  // onStart() is called when training has started or resumed: at its first progress.
  constructor(elements, { onModel, onStatus, onStart }) {
    this.el = elements;
    this.onModel = onModel;
    this.onStatus = onStatus;
    this.onStart = onStart;
    this.state = 'loading';  // then idle, running, paused or done
    this.fresh = true;       // the weights are still the random ones the settings began with
    this.epochs = 0;
    this.starting = false;   // started or resumed, and no progress reported yet
    // Each configure or load starts a new run; messages about an older one are ignored.
    this.run = 0;
    this.lossChart = new LineChart(elements.lossChart, {
      series: [{ color: '--chart-train' }, { color: '--chart-heldout' }],
      format: (y) => String(+y.toFixed(3)),
      min: 0,
    });
    this.accuracyChart = new LineChart(elements.accuracyChart, {
      series: [{ color: '--chart-train' }, { color: '--chart-heldout' }],
      format: (y) => `${+(y * 100).toFixed(1)}%`,
      max: 1,
    });

    this.workerUrl = workerScriptUrl();
    this.worker = new Worker(this.workerUrl);
    this.worker.onmessage = ({ data }) => {
      if (data.run === undefined || data.run === this.run) this.handle[data.type].call(this, data);
    };
    this.loaded = new Promise((resolve) => { this.resolveLoaded = resolve; });

    elements.toggle.addEventListener('click', () => this.toggle());
    elements.reset.addEventListener('click', () => this.configure());
    elements.form.addEventListener('submit', (e) => e.preventDefault());
    elements.form.addEventListener('change', (e) => this.settingsChanged(e.target));
  }

  // Trains on from other weights (already checked by the page's module), from epoch 0.
  load(bytes) {
    this.startRun();
    this.fresh = false;
    this.worker.postMessage({ type: 'load', bytes, run: this.run });
    if (this.state !== 'running') this.setState('idle');
  }

  // Starts over with the form's settings and new random weights. False if the form is wrong.
  configure() {
    let settings;
    try {
      settings = readSettings(this.el.form);
    } catch (error) {
      this.onStatus(error.message, 'error');
      return false;
    }
    this.epochs = settings.epochs;
    this.startRun();
    this.fresh = true;
    this.worker.postMessage({ type: 'configure', settings, run: this.run });
    this.el.note.textContent = '';
    this.setState('idle');
    return true;
  }

  startRun() {
    this.run += 1;
    this.lossChart.reset(this.epochs);
    this.accuracyChart.reset(this.epochs);
    this.showProgress({ epochs: 0, samples: 0 }, 0);
  }

  toggle() {
    if (this.state === 'running') {
      this.worker.postMessage({ type: 'pause' });
      this.setState('paused');
      return;
    }
    // A run that has not begun yet starts with the form's settings as they are now.
    if ((this.state === 'done' || this.fresh) && !this.configure()) return;
    this.fresh = false;
    this.worker.postMessage({ type: 'start' });
    this.setState('running');
    this.starting = true;
  }

  settingsChanged(field) {
    if (field.name === 'optimizer') this.el.form.elements.learningRate.value = LEARNING_RATES[field.value];
    if (this.fresh && this.state !== 'running') this.configure();
    else this.el.note.textContent = 'New settings apply when you press Reset.';
  }

  setState(state) {
    this.state = state;
    const { toggle, reset } = this.el;
    toggle.dataset.state = state;
    toggle.textContent = { idle: 'Train', running: 'Pause', paused: 'Resume', done: 'Train again' }[state];
    toggle.disabled = reset.disabled = state === 'loading';
  }

  showProgress(progress, samplesPerSecond) {
    const epochs = Math.min(progress.epochs, this.epochs);
    this.el.epoch.textContent = `${epochs.toFixed(epochs ? 1 : 0)} / ${this.epochs}`;
    this.el.samples.textContent = progress.samples.toLocaleString('en-US');
    this.el.samplesPerSecond.textContent = String(Math.round(samplesPerSecond));
  }
}

// What the worker's messages do, by type (see worker.js).
TrainingPanel.prototype.handle = {
  ready() {
    URL.revokeObjectURL(this.workerUrl);
    this.resolveLoaded();
  },

  progress({ progress, samplesPerSecond }) {
    if (this.starting) {
      this.starting = false;
      this.onStart();
    }
    this.showProgress(progress, samplesPerSecond);
    this.lossChart.add(0, progress.epochs, progress.loss);
    this.accuracyChart.add(0, progress.epochs, progress.accuracy);
  },

  model({ bytes, weights, evaluation, epochs }) {
    this.el.accuracy.textContent = percent(evaluation.accuracy);
    this.lossChart.add(1, epochs, evaluation.loss);
    this.accuracyChart.add(1, epochs, evaluation.accuracy);
    this.onModel({ bytes, weights }, evaluation);
  },

  // The worker stopped by itself: at the end of the run, or after an error.
  stopped({ done }) {
    if (this.state !== 'running') return;
    if (done) this.onStatus(`Training finished: the network reads ${this.el.accuracy.textContent} of the held-out digits correctly.`);
    this.setState(done ? 'done' : 'paused');
  },

  error({ message }) {
    this.onStatus(message, 'error');
  },
};

// The worker's script, as a blob URL: the module factory's source followed by
// the worker body's (worker.js), since a script's own URL would not be allowed
// from file://. (_scriptDir is a variable the factory expects around it.)
function workerScriptUrl() {
  const source = `var _scriptDir;\nvar DigitNet = ${DigitNet.toString()};\n(${trainingWorker.toString()})();\n`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

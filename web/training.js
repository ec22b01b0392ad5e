// The page side of training: starts the worker (worker.js), sends it what the
// person asks for and shows what it last reported: its state on the buttons,
// the run's progress as numbers and charts, and each model it sends, handed to
// onModel. The page never guesses the worker's state: after a click the
// buttons wait for the worker's answer, and offer only the intents it allows.
import DigitNet from 'digitnet-module';
import trainingWorkerSource from 'worker:./worker.js';
import { LineChart } from './charts.js';
import { percent } from './prediction.js';
import { SETTING_NAMES } from './settings.js';

/** @typedef {import('./settings.js').SettingsPanel} SettingsPanel */

const STATE_LABELS = { building: 'Building…', paused: 'Resume' };

export class TrainingPanel {
  // elements: toggle, startOver, confirm (a <dialog>), note, epoch, samples,
  // samplesPerSecond, accuracy, lossChart, accuracyChart. The page sets
  // .settings (the SettingsPanel) before start(). onModel(model, report) gets every model the worker
  // sends ({bytes} for a new network, {weights} within a run, and its evaluation,
  // which is null in the first network's first report: its own report follows);
  // onStatus(text, kind) says what the worker is doing.
  // wasmModule: a promise of the compiled WebAssembly module, for the worker.
  constructor(elements, { onModel, onStatus }, wasmModule) {
    this.el = elements;
    /** @type {SettingsPanel} */
    this.settings = null;
    this.onModel = onModel;
    this.onStatus = onStatus;
    /** @type {any} the worker's last report */
    this.report = { state: 'loading', allowed: [], run: 0, origin: 'new', settings: null, progress: null };
    this.waiting = false;  // an intent was sent and the worker has not answered yet
    this.modelName = '';   // what the loaded model is called
    this.architecture = null;  // the current network's {layers, activation}
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
    this.worker.onmessage = ({ data }) => this.received(data);
    wasmModule.then((module) => this.worker.postMessage({ type: 'module', module }));

    elements.toggle.addEventListener('click', () => this.toggle());
    elements.startOver.addEventListener('click', () => this.askStartOver());
    elements.confirm.addEventListener('close', () => {
      if (elements.confirm.returnValue === 'discard') this.send({ type: 'build', settings: this.settings.read().settings });
    });
  }

  // The first network, from the settings the fields show.
  start() {
    this.send({ type: 'build', settings: this.settings.read().settings });
  }

  // A model the page has checked: it stops any run and is what trains next.
  load(bytes, name) {
    this.modelName = name;
    this.send({ type: 'load', bytes });
  }

  send(intent) {
    this.waiting = true;
    this.render();
    this.worker.postMessage(intent);
  }

  // What the main button does now, as [label, intent or null when it cannot],
  // from the intents the worker allows and the settings the fields show:
  // pause; start (the run it holds, when the settings are the run's); train
  // more (weights worth keeping, with layers that fit them); or a new network
  // from the settings, trained.
  action() {
    const { state, allowed } = this.report;
    if (allowed.includes('pause')) return ['Pause', { type: 'pause' }];
    const form = this.settings.read();
    const unchanged = this.report.settings && sameSettings(form.settings, this.report.settings);
    if (allowed.includes('start') && unchanged) return [STATE_LABELS[state] || 'Train', { type: 'start' }];
    if (!allowed.includes('build')) return [STATE_LABELS[state] || 'Train', null];
    const more = allowed.includes('train');
    if (!form.ok) return [more ? 'Train more' : 'Train', null];
    if (!more) return ['Train', { type: 'build', settings: form.settings, train: true }];
    if (!this.fitsModel(form.settings)) return ['Train more', null];
    return ['Train more', { type: 'train', settings: form.settings }];
  }

  // Whether the fields' layers and activation are the current network's.
  fitsModel({ layers, activation }) {
    const normal = (text) => text.replace(/\s+/g, '');
    return this.architecture && normal(layers) === normal(this.architecture.layers) &&
      activation === this.architecture.activation;
  }

  toggle() {
    const [, intent] = this.action();
    if (intent) this.send(intent);
  }

  askStartOver() {
    if (this.report.origin === 'new') this.send({ type: 'build', settings: this.settings.read().settings });
    else {
      this.el.confirm.returnValue = '';
      this.el.confirm.showModal();
    }
  }

  // The settings changed: the buttons may mean something else now.
  settingsChanged() {
    this.render();
  }

  received(report) {
    if (!this.report.run) URL.revokeObjectURL(this.workerUrl);
    const newRun = report.run !== this.report.run;
    const stateChanged = newRun || report.state !== this.report.state || report.message;
    this.report = report;
    this.waiting = false;
    if (newRun) {
      const epochs = report.progress.totalEpochs || 1;
      this.lossChart.reset(epochs);
      this.accuracyChart.reset(epochs);
      if (!report.continues && report.origin !== 'loaded') this.modelName = '';
    }
    if (report.progress && report.progress.samples && report.progress.loss !== undefined) {
      this.lossChart.add(0, report.progress.epochs, report.progress.loss);
      this.accuracyChart.add(0, report.progress.epochs, report.progress.accuracy);
    }
    if (report.model) {
      const { evaluation } = report.model;
      this.el.accuracy.textContent = evaluation ? percent(evaluation.accuracy) : '…';
      if (evaluation && report.progress.samples) {
        this.lossChart.add(1, report.progress.epochs, evaluation.loss);
        this.accuracyChart.add(1, report.progress.epochs, evaluation.accuracy);
      }
      this.onModel(report.model, report);
    }
    this.render();
    if (stateChanged) this.onStatus(...this.statusText());
  }

  // The network the page now holds, as the fields show it.
  modelShown(architecture) {
    this.architecture = architecture;
  }

  render() {
    const { toggle, startOver, note } = this.el;
    const { state, progress } = this.report;
    const [label, intent] = this.action();
    toggle.textContent = label;
    toggle.dataset.state = state;
    toggle.disabled = this.waiting || !intent;
    startOver.disabled = this.waiting || !this.report.allowed.includes('build') || !this.settings.read().ok;
    toggle.dataset.allowed = this.report.allowed.join(' ');
    document.body.setAttribute('aria-busy', String(state === 'building'));
    this.settings.lock(state === 'running' || state === 'building');
    note.textContent = this.noteText(label, intent);

    const epochs = progress ? progress.totalEpochs : 0;
    const done = progress ? Math.min(progress.epochs, epochs) : 0;
    this.el.epoch.textContent = epochs ? `${done.toFixed(done ? 1 : 0)} / ${epochs}` : '–';
    this.el.samples.textContent = (progress ? progress.samples : 0).toLocaleString('en-US');
    this.el.samplesPerSecond.textContent = state === 'running' ? String(Math.round(this.report.samplesPerSecond)) : '0';
  }

  // Beside the buttons: why Train cannot start, or what it will do.
  noteText(label, intent) {
    const { state, origin } = this.report;
    if (state === 'running') return 'Pause to change the settings.';
    if (state === 'building' || state === 'loading') return '';
    if (!this.settings.read().ok) return 'Correct the settings marked above to train.';
    if (origin !== 'new' && label === 'Train more' && !intent) {
      return `This model's layers are ${this.architecture.layers || 'none'} (${this.architecture.activation}): ` +
        'put them back, or press Start over for a new network with the ones above.';
    }
    if (state === 'paused' && label === 'Train more') return 'The settings changed: Train more starts a new run with them from the current weights.';
    return '';
  }

  // The status line for the worker's state: [text, kind].
  statusText() {
    const { state, origin, settings, progress, message } = this.report;
    if (message) return [message, 'error'];
    const network = this.architecture
      ? `the network (layers ${this.architecture.layers || 'none'}, ${this.architecture.activation})` : 'the network';
    switch (state) {
      case 'building': return [`Building ${network}…`, 'busy'];
      case 'running': return [`Training ${network} with ${SETTING_NAMES[settings.optimizer]} for ${settings.epochs} epochs, ` +
        `${this.report.continues ? `from the weights it had${this.modelName ? ` (${this.modelName})` : ''}` : 'from scratch'}.`];
      case 'paused': return [`Paused at epoch ${progress.epochs.toFixed(1)} of ${progress.totalEpochs}.`];
      case 'finished': return [`Training finished: the network reads ${this.el.accuracy.textContent} of the held-out digits correctly. ` +
        'Train more goes on from these weights.'];
      default:
        if (origin === 'loaded') return [`Loaded ${this.modelName}: ${network}. It reads your drawings now; Train more trains it further.`];
        return [document.body.dataset.state === 'ready'
          ? 'A new untrained network: press Train to watch it learn.'
          : 'Ready. The network starts out knowing nothing: press Train to watch it learn, or load the pretrained model.'];
    }
  }
}

// Whether two settings objects (as SettingsPanel.read() makes them) are the same.
function sameSettings(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

// The worker's script, as a blob URL, since a script's own URL would not be
// allowed from file://: the worker's bundle (worker.js and what it imports;
// it holds worker.js's exports as workerExports), then a call of its
// trainingWorker() with the module factory, written out from its source text.
// (_scriptDir is a variable the factory expects around it.)
function workerScriptUrl() {
  const source = `${trainingWorkerSource}\nvar _scriptDir;\nworkerExports.trainingWorker(${DigitNet.toString()});\n`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

// Starts the page: its own module instance, which reads the drawing and shows
// the held-out digits with the model the worker last sent, and the training
// worker, which owns the run. Then ties the controls to both.
// (The entry point of the page's script: web/build.js bundles it and what it imports.)
import DigitNet from 'digitnet-module';
import { DrawingPad } from './draw.js';
import { HeldOutView } from './heldout.js';
import { heldOutPicture, inkPicture, readImageFile } from './image-file.js';
import { InsideView } from './inside.js';
import { NeuronView } from './neurons.js';
import { PredictionView } from './prediction.js';
import { SettingsPanel, settingsApi } from './settings.js';
import { TrainingPanel } from './training.js';
import { WhyView } from './why.js';
import { compileDigitNet, instantiateDigitNet } from './wasm-module.js';

// The element with this id, as whatever kind of element index.html makes it.
/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);

// The status line: what the worker is doing, or what went wrong (kind 'error').
function setStatus(text, kind = 'info') {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', kind === 'error');
}

// After something works again, an error about an earlier action no longer stands.
function clearError() {
  if ($('status').classList.contains('error')) setStatus('');
}

async function main() {
  let session = null;
  let heldOut = null;
  let settings = null;
  let firstModel;
  const modelArrived = new Promise((resolve) => { firstModel = resolve; });

  // The worker starts at once and gets the compiled module when the page has it.
  const wasmModule = compileDigitNet();
  const training = new TrainingPanel({
    toggle: $('train-toggle'), startOver: $('start-over'), confirm: $('confirm-start-over'), note: $('train-note'),
    epoch: $('epoch'), samples: $('samples'), samplesPerSecond: $('samples-per-second'),
    accuracy: $('test-accuracy'), lossChart: $('loss-chart'), accuracyChart: $('accuracy-chart'),
  }, {
    onStatus: setStatus,
    onModel({ bytes, weights, evaluation }, report) {
      if (bytes) session.loadModel(bytes);
      else session.setWeights(weights);
      const architecture = session.architecture();
      const shown = { layers: architecture.layersText, activation: architecture.layers[0].activation };
      training.modelShown(shown);
      if (bytes && report.origin === 'loaded') settings.showModel(shown);
      if (evaluation) heldOut.update(evaluation);
      prediction.untrained = report.origin === 'new';
      showModel(architecture);
      firstModel();
    },
  }, wasmModule);

  const M = await instantiateDigitNet(DigitNet, await wasmModule);
  session = new M.Session();
  await M.loadHeldOutData(session);
  settings = new SettingsPanel($('settings'), $('settings-summary'), settingsApi(M), () => training.settingsChanged());
  training.settings = settings;
  // The worker builds the first network while the rest of the page is set up
  // (synchronously, below: its answer cannot be handled before that is done).
  training.start();

  // Reading the drawing: at most once per frame, however fast the pointer moves.
  const prediction = new PredictionView({
    digit: $('prediction'), confidence: $('confidence'), note: $('prediction-note'), announce: $('prediction-announce'),
    bars: $('bars'), seen: $('seen'),
  });
  // The map of why, while its toggle is pressed: a press reads the pad again.
  const why = new WhyView({ toggle: $('why-toggle'), overlay: $('why-map'), sentence: $('why-sentence') },
    () => schedulePrediction());
  let drawn = false;  // the person changed the drawing since the last prediction
  const pad = new DrawingPad($('draw-canvas'), () => {
    drawn = true;
    schedulePrediction();
  });
  let frame = 0;
  function schedulePrediction() {
    if (!frame) frame = requestAnimationFrame(predict);
  }
  function predict() {
    frame = 0;
    const byPerson = drawn;
    drawn = false;
    if (!pad.hasInk) {
      prediction.clear();
      inside.clear();
      why.clear();
      return;
    }
    // Timed: the drawing to the answer shown (with the map of why when it is on), then the layer views.
    const start = performance.now();
    let answered = start;
    try {
      const { rgba, width, height } = pad.pixels();
      const { probabilities, image } = session.predictDrawing(rgba, width, height);
      prediction.show(probabilities, image);
      if (why.on) why.show(session.explainLastDigit());
      answered = performance.now();
      inside.update(image, session.layerOutputs());
      if (byPerson) clearError();
    } catch (error) {
      prediction.clear();
      inside.clear();
      why.clear();
      setStatus(`Could not read the drawing: ${error.message}.`, 'error');
    }
    const ms = answered - start, layersMs = performance.now() - answered;
    $('prediction').dataset.latencyMs = ms.toFixed(2);
    $('prediction').dataset.layersMs = layersMs.toFixed(2);
    $('latency').textContent = `Read in ${ms.toFixed(1)} ms; layer views drawn in ${layersMs.toFixed(1)} ms.`;
  }
  $('clear').addEventListener('click', () => {
    showImageInk(null);
    pad.clear();
  });

  // A digit without drawing it: an image file, or one of the held-out digits.
  // An image file's ink is read either way round: the line under the pad says
  // which, and its button reads the file the other way.
  let imageFile = null;  // {bitmap, lightInk} of the image file on the pad, or null
  function showImageInk(bitmap, ink = 'auto') {
    imageFile = null;
    $('image-ink').hidden = !bitmap;
    if (!bitmap) return;
    try {
      const { picture, lightInk, reading } = inkPicture(M, bitmap, ink);
      imageFile = { bitmap, lightInk };
      $('image-ink-reading').textContent = `The image was read as ${reading}.`;
      $('flip-ink').textContent = `Flip: read as ${lightInk ? 'dark ink on a light ground' : 'light ink on a dark ground'} instead`;
      pad.showImage(picture);
    } catch (error) {
      $('image-ink').hidden = true;
      setStatus(`Could not read the image: ${error.message}.`, 'error');
    }
  }
  $('flip-ink').addEventListener('click', () => {
    if (imageFile) showImageInk(imageFile.bitmap, imageFile.lightInk ? 'dark' : 'light');
  });
  $('image-file').addEventListener('change', async (/** @type {Event & {target: HTMLInputElement}} */ e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    try {
      showImageInk(await readImageFile(file));
    } catch (error) {
      setStatus(`Could not read "${file.name}": ${error.message}.`, 'error');
    }
  });
  heldOut = new HeldOutView(session, { strip: $('strip'), caption: $('strip-caption'), table: $('confusion') }, (i) => {
    showImageInk(null);
    pad.showImage(heldOutPicture(session.heldOutImage(i)));
    $('draw-title').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
  $('heldout-count').textContent = session.heldOutCount().toLocaleString('en-US');
  $('show-random').addEventListener('click', () => heldOut.showRandom());
  $('show-mistakes').addEventListener('click', () => heldOut.showMistakes());

  const neurons = new NeuronView($('neurons'), $('neurons-caption'));
  const inside = new InsideView($('layers'));
  let shownLayers = '';  // the architecture the layer views are built for
  function showModel(architecture) {
    const weights = session.getWeights();
    neurons.update(weights, architecture);
    const layers = JSON.stringify(architecture.layers);
    if (layers !== shownLayers) inside.show(architecture);
    shownLayers = layers;
    $('model-description').textContent = `Network: ${session.describe()}, ${weights.length.toLocaleString('en-US')} weights and biases.`;
    schedulePrediction();
  }

  // Models from the pretrained one built into the page, or from a file: checked
  // by a module instance of their own first, so that a bad one changes nothing.
  function loadModel(bytes, name) {
    const problem = modelProblem(M, bytes);
    if (problem) {
      setStatus(`Could not load ${name}: ${problem}. The current model stays.`, 'error');
      return;
    }
    training.load(bytes, name);
  }

  // The pretrained models built into the page, the CNN first.
  const pretrained = M.pretrainedModels();
  for (const { key, name } of pretrained) $('pretrained-choice').add(new Option(name, key));
  $('load-pretrained').title = pretrained.length ? 'A network trained in advance on the bundled digits' : 'This build has no pretrained model';
  $('load-pretrained').addEventListener('click', () => {
    const { name, file } = pretrained.find((m) => m.key === $('pretrained-choice').value);
    loadModel(M.pretrainedModelBytes(file), `the pretrained ${name}`);
  });

  $('model-file').addEventListener('change', async (/** @type {Event & {target: HTMLInputElement}} */ e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) loadModel(new Uint8Array(await file.arrayBuffer()), `"${file.name}"`);
  });

  $('save-model').addEventListener('click', () => {
    const name = `digitnet-${session.describe().split(' ')[0]}.model`;
    const url = URL.createObjectURL(new Blob([session.saveModel()], { type: 'application/octet-stream' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Saved the current model as ${name}.`);
  });

  await modelArrived;
  for (const id of ['model-file', 'save-model', 'image-file']) $(id).disabled = false;
  $('load-pretrained').disabled = $('pretrained-choice').disabled = !pretrained.length;
  document.body.dataset.state = 'ready';
  document.body.dataset.readyMs = performance.now().toFixed(0);
}

// Why the page cannot use this model file, or '' when it can. A model must read
// a 28x28 digit and give ten probabilities (softmax), which the bars show.
function modelProblem(M, bytes) {
  const scratch = new M.Session();
  try {
    scratch.loadModel(bytes);
    const layers = scratch.architecture().layers;
    const output = layers[layers.length - 1].activation;
    if (output !== 'softmax') {
      return `its outputs are ${output} values, not probabilities (softmax), so they cannot be shown as the chance of each digit`;
    }
    return '';
  } catch (error) {
    return error.message;
  } finally {
    scratch.delete();
  }
}

main().catch((error) => setStatus(`digitnet could not start: ${error.message || error}`, 'error'));

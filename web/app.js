'use strict';
// Starts the page: its own module instance, which reads the drawing and shows
// the held-out digits with the latest weights, and the training worker, whose
// weights it receives as training runs. Then ties the controls to both.

const $ = (id) => document.getElementById(id);

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
  let firstModel;
  const modelArrived = new Promise((resolve) => { firstModel = resolve; });

  // The worker starts loading at once, alongside the page's own instance.
  const training = new TrainingPanel({
    form: $('settings'), toggle: $('train-toggle'), reset: $('reset'), note: $('settings-note'),
    epoch: $('epoch'), samples: $('samples'), samplesPerSecond: $('samples-per-second'),
    accuracy: $('test-accuracy'), lossChart: $('loss-chart'), accuracyChart: $('accuracy-chart'),
  }, {
    onStatus: setStatus,
    onStart: clearError,
    onModel({ bytes, weights }, evaluation) {
      if (bytes) session.loadModel(bytes);
      else session.setWeights(weights);
      heldOut.update(evaluation);
      showModel();
      firstModel();
    },
  });

  const M = await DigitNet();
  session = new M.Session();
  await M.loadBundledData(session);
  heldOut = new HeldOutView(session, { strip: $('strip'), caption: $('strip-caption'), table: $('confusion') });
  $('heldout-count').textContent = session.heldOutCount().toLocaleString('en-US');
  $('show-random').addEventListener('click', () => heldOut.showRandom());
  $('show-mistakes').addEventListener('click', () => heldOut.showMistakes());

  // Reading the drawing: at most once per frame, however fast the pointer moves.
  const prediction = new PredictionView({ digit: $('prediction'), confidence: $('confidence'), bars: $('bars'), seen: $('seen') });
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
      return;
    }
    const start = performance.now();
    try {
      const { rgba, width, height } = pad.pixels();
      const { probabilities, image } = session.predictDrawing(rgba, width, height);
      prediction.show(probabilities, image);
      if (byPerson) clearError();
    } catch (error) {
      prediction.clear();
      setStatus(error.message, 'error');
    }
    const ms = performance.now() - start;
    $('prediction').dataset.latencyMs = ms.toFixed(2);
    $('latency').textContent = `Read in ${ms.toFixed(1)} ms.`;
  }
  $('clear').addEventListener('click', () => pad.clear());

  const neurons = new NeuronView($('neurons'));
  function showModel() {
    const weights = session.getWeights();
    const { inputs, layers } = JSON.parse(session.architecture());
    if (inputs === 784) neurons.update(weights, layers[0].units);
    $('model-description').textContent = `Network: ${session.describe()}, ${weights.length.toLocaleString('en-US')} weights and biases.`;
    schedulePrediction();
  }

  // Models from the pretrained one built into the page, or from a file. The page's
  // instance checks them first: a bad one is refused and the current model stays.
  function loadModel(bytes, name) {
    try {
      session.loadModel(bytes);
    } catch (error) {
      setStatus(`Could not load ${name}: ${error.message}. The current model stays.`, 'error');
      return;
    }
    const layers = JSON.parse(session.architecture()).layers;
    showArchitecture($('settings'), {
      hidden: layers.slice(0, -1).map((l) => l.units),
      activation: layers.length > 1 ? layers[0].activation : '',
    });
    training.load(bytes);
    showModel();
    setStatus(`Loaded ${name}: ${session.describe()}. Press Train to train it further.`);
  }

  const pretrained = M.pretrainedModelBytes();
  $('load-pretrained').title = pretrained ? 'A network trained in advance on the bundled digits' : 'This build has no pretrained model';
  $('load-pretrained').addEventListener('click', () => loadModel(pretrained, 'the pretrained model'));

  $('model-file').addEventListener('change', async (e) => {
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

  await training.loaded;
  training.configure();
  await modelArrived;
  for (const id of ['model-file', 'save-model']) $(id).disabled = false;
  $('load-pretrained').disabled = !pretrained;
  document.body.dataset.state = 'ready';
  document.body.dataset.readyMs = performance.now().toFixed(0);
  setStatus(pretrained
    ? 'Ready. The network starts out knowing nothing: press Train to watch it learn, or load the pretrained model.'
    : 'Ready. The network starts out knowing nothing: press Train to watch it learn.');
}

main().catch((error) => setStatus(`digitnet could not start: ${error.message || error}`, 'error'));

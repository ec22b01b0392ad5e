'use strict';
// TensorFlow.js training the network digitnet's table measures, the same way,
// in the page: dense 128 ReLU + dense 10 softmax, categorical cross-entropy,
// SGD at 0.01, one trainOnBatch per batch, on the same 9,000 digits (floats /255).

tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');

// The bundled training digits: images as floats (count x 784, /255) and labels.
async function loadTrainingDigits() {
  const inflate = async (name) => {
    const response = await fetch(`/assets/${name}`);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    const stream = response.body.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  const [imageBytes, labelBytes] = await Promise.all([
    inflate('train-images-idx3-ubyte.gz'), inflate('train-labels-idx1-ubyte.gz')]);
  const pixels = imageBytes.subarray(16);  // after the IDX header: magic, count, rows, columns
  return { images: Float32Array.from(pixels, (v) => v / 255), labels: Int32Array.from(labelBytes.subarray(8)) };
}

function tfjsModel() {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

// Median training samples/s of TF.js on `backend` ('wasm' or 'cpu') for each
// batch size; the batches are tensors made before the clock starts.
async function tfjsRates(backend, digits, batches) {
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js could not start its ${backend} backend`);
  const rates = {};
  for (const batch of batches) {
    const model = tfjsModel();
    const xs = [];
    const ys = [];
    for (let i = 0; i + batch <= digits.labels.length; i += batch) {
      xs.push(tf.tensor2d(digits.images.subarray(i * 784, (i + batch) * 784), [batch, 784]));
      ys.push(tf.tidy(() => tf.oneHot(tf.tensor1d(digits.labels.subarray(i, i + batch), 'int32'), 10).toFloat()));
    }
    let next = 0;
    rates[batch] = batch * (await measure.medianRate(async (n) => {
      for (let i = 0; i < n; i++) {
        await model.trainOnBatch(xs[next], ys[next]);
        next = (next + 1) % xs.length;
      }
    }));
    tf.dispose([...xs, ...ys]);
    model.dispose();
  }
  return rates;
}

// How TF.js's wasm backend runs here: with SIMD, with threads.
async function tfjsWasmFlavour() {
  return {
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
}

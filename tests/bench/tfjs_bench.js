'use strict';
// TensorFlow.js training the networks digitnet's table measures, the same way,
// in the page: ReLU layers and a 10-unit softmax, categorical cross-entropy,
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

// The Keras layers of a network from Session.architecture(): conv ("valid" or
// "same", stride 1), max-pool (stride = size), dense (after flattening the
// 28x28x1 or HWC map, as digitnet reads it) and the softmax output.
function tfjsLayers(architecture) {
  const layers = [];
  let flat = false;
  for (const l of architecture.layers) {
    const first = layers.length ? {} : { inputShape: [28, 28, 1] };
    if (l.kind === 'conv') {
      layers.push(tf.layers.conv2d({ ...first, filters: l.units, kernelSize: l.kernel, padding: l.padding,
        activation: l.activation }));
    } else if (l.kind === 'maxpool') {
      layers.push(tf.layers.maxPooling2d({ ...first, poolSize: l.kernel }));
    } else if (l.kind === 'dense') {
      if (!flat) layers.push(tf.layers.flatten(first));
      flat = true;
      layers.push(tf.layers.dense({ units: l.units, activation: l.activation }));
    } else {
      throw new Error(`the TF.js benchmark has no ${l.kind} layer`);
    }
  }
  return layers;
}

function tfjsModel(architecture) {
  const model = tf.sequential({ layers: tfjsLayers(architecture) });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

// Median training samples/s of TF.js on `backend` ('wasm', 'cpu' or 'webgl')
// for each batch size, or null when the backend does not start here; the
// batches are tensors made before the clock starts.
async function tfjsRates(backend, digits, architecture, batches) {
  if (!(await tf.setBackend(backend).catch(() => false))) return null;
  const rates = {};
  for (const batch of batches) {
    const model = tfjsModel(architecture);
    const xs = [];
    const ys = [];
    for (let i = 0; i + batch <= digits.labels.length; i += batch) {
      xs.push(tf.tensor4d(digits.images.subarray(i * 784, (i + batch) * 784), [batch, 28, 28, 1]));
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

// The renderer WebGL gets in this browser (e.g. SwiftShader, software), or null without WebGL.
function webglRenderer() {
  const gl = document.createElement('canvas').getContext('webgl2') || document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
}

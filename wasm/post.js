// Appended to the module: the JS half of the error convention, and the bundled
// data and model for the page.

// Session methods return an Error object when they fail (see bindings.cpp): throw it.
addOnPostRun(function () {
  const proto = Module['Session'].prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const method = proto[name];
    if (name === 'constructor' || typeof method !== 'function') continue;
    proto[name] = function (...args) {
      const result = method.apply(this, args);
      if (result instanceof Error) throw result;
      return result;
    };
  }
});

// The gzipped file at path in the module's file system, inflated.
async function inflateBundled(path) {
  const stream = new Blob([FS.readFile(path)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Hands the bundled 9,000 training and 1,000 held-out digits to a Session.
Module['loadBundledData'] = async function (session) {
  const [trainImages, trainLabels, heldOutImages, heldOutLabels] = await Promise.all([
    'train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz',
    'heldout-images-idx3-ubyte.gz', 'heldout-labels-idx1-ubyte.gz',
  ].map((name) => inflateBundled('/data/' + name)));
  session.setTrainingData(trainImages, trainLabels);
  session.setHeldOutData(heldOutImages, heldOutLabels);
};

// The bytes of a model built into the module (for Session.loadModel), or null
// when this build has none of that name: 'pretrained.model' (the MLP, the
// default) or 'pretrained-cnn.model'.
Module['pretrainedModelBytes'] = function (file = 'pretrained.model') {
  const path = '/data/' + file;
  return FS.analyzePath(path).exists ? FS.readFile(path) : null;
};

// The models built into the module, the CNN first: [{key, name, bytes}].
Module['pretrainedModels'] = function () {
  return [
    { key: 'cnn', name: 'CNN', file: 'pretrained-cnn.model' },
    { key: 'mlp', name: 'MLP', file: 'pretrained.model' },
  ].map(({ key, name, file }) => ({ key, name, bytes: Module['pretrainedModelBytes'](file) }))
    .filter((model) => model.bytes);
};

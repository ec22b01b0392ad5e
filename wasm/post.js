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

// The bytes of the model built into the module (for Session.loadModel), or null.
Module['pretrainedModelBytes'] = function () {
  const path = '/data/pretrained.model';
  return FS.analyzePath(path).exists ? FS.readFile(path) : null;
};

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
  const configure = proto['configure'];
  proto['configure'] = function (settings) {
    const copy = plainSettings(settings);
    if (this.isDeleted()) throw new Error('the session was deleted while its settings were read');
    return configure.call(this, copy);
  };
  const readImageInk = Module['readImageInk'];
  Module['readImageInk'] = (...args) => {
    const result = readImageInk(...args);
    if (result instanceof Error) throw result;
    return result;
  };
  const checkSettings = Module['checkSettings'];
  Module['checkSettings'] = (settings) => checkSettings(plainSettings(settings));
});

// A settings object copied into plain values, in JavaScript, before any C++
// runs: a getter or proxy trap that throws, or deletes the session, then runs
// while no C++ frame is open (a JS throw through C++ frames skips their
// destructors). Each known key's value is read once, an unknown key's never.
// The copy, which settings_js.hpp reads: null for anything but an object;
// otherwise an object without a prototype of {key: number | string | boolean,
// or {type} for a value of another type, or {thrown: message}}.
let settingKeys;  // the vocabulary's keys
function plainSettings(settings) {
  if (typeof settings !== 'object' || settings === null) return null;
  let keys;
  try {
    if (Array.isArray(settings)) return null;
    keys = Object.keys(settings);
  } catch (e) {  // a proxy whose traps throw
    return null;
  }
  settingKeys = settingKeys || new Set(Module['vocabulary']().settings.map((s) => s.key));
  const copy = Object.create(null);
  for (const key of keys) {
    copy[key] = undefined;
    if (!settingKeys.has(key)) continue;
    try {
      const value = settings[key];
      const type = typeof value;
      copy[key] = type === 'number' || type === 'string' || type === 'boolean' ? value : bare({ type });
    } catch (e) {
      copy[key] = bare({ thrown: thrownText(e) });
    }
  }
  return copy;
}

// The properties' copy in an object without a prototype.
function bare(properties) {
  return Object.assign(Object.create(null), properties);
}

// What a thrown value says, read without letting it throw again.
function thrownText(thrown) {
  try {
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    if (typeof text === 'string' && text !== '') return text.slice(0, 200);
  } catch (e) {
    // a value whose message or text throws in turn
  }
  return 'its getter threw';
}

// The gzipped file at path in the module's file system, inflated.
async function inflateBundled(path) {
  const stream = new Blob([FS.readFile(path)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// The bundled images and labels of one set, 'train' or 'heldout', inflated.
function bundledSet(set) {
  return Promise.all([`${set}-images-idx3-ubyte.gz`, `${set}-labels-idx1-ubyte.gz`]
    .map((name) => inflateBundled('/data/' + name)));
}

// Hands the bundled 9,000 training digits to a Session.
Module['loadTrainingData'] = async function (session) {
  session.setTrainingData(...await bundledSet('train'));
};

// Hands the bundled 1,000 held-out digits to a Session (all that a session
// which only reads and scores digits needs).
Module['loadHeldOutData'] = async function (session) {
  session.setHeldOutData(...await bundledSet('heldout'));
};

// Both of the above.
Module['loadBundledData'] = function (session) {
  return Promise.all([Module['loadTrainingData'](session), Module['loadHeldOutData'](session)]);
};

// The bytes of a model built into the module (for Session.loadModel), or null
// when this build has none of that name: 'pretrained.model' (the MLP, the
// default) or 'pretrained-cnn.model'.
Module['pretrainedModelBytes'] = function (file = 'pretrained.model') {
  const path = '/data/' + file;
  return FS.analyzePath(path).exists ? FS.readFile(path) : null;
};

// The models built into the module, the CNN first: [{key, name, file}]; the
// bytes are read when wanted (pretrainedModelBytes(file)), not at start-up.
Module['pretrainedModels'] = function () {
  return [
    { key: 'cnn', name: 'CNN', file: 'pretrained-cnn.model' },
    { key: 'mlp', name: 'MLP', file: 'pretrained.model' },
  ].filter(({ file }) => FS.analyzePath('/data/' + file).exists);
};

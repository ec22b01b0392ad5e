'use strict';
// The training settings' vocabulary (names, defaults, limits, pairings) and
// their check, as settingsApi(M) hands them to the page, in the shapes the
// module's vocabulary() and checkSettings() give:
//   vocabulary: {settings: [{key, label, kind, default, min, max, choices, unit, help}],
//                learningRates: {optimizer: rate}, initFor: {activation: init}, maxParameters}
//   check(settings) -> {ok, errors: {key: message}, parameters, bytes, summary}
// This module build does not offer them yet, so they are written out here for
// the dense networks it can build.
function settingsApi(M) {
  return { vocabulary: settingsVocabulary(), check: checkSettings };
}

const MAX_PARAMETERS = 4000000;
const BYTES_PER_PARAMETER = 16;  // weights, gradients and Adam's two moments, float32 each

function settingsVocabulary() {
  return {
    settings: [
      { key: 'layers', label: 'Hidden layers', kind: 'layers', default: '128',
        help: 'Units per hidden layer, from the input on, e.g. 128 or 256,128' },
      { key: 'activation', label: 'Activation', kind: 'choice', default: 'relu', choices: ['relu', 'sigmoid', 'tanh'] },
      { key: 'optimizer', label: 'Optimizer', kind: 'choice', default: 'adam', choices: ['adam', 'momentum', 'sgd'] },
      { key: 'learningRate', label: 'Learning rate', kind: 'number', default: 0.002, min: 0, max: 10,
        help: 'How far each step moves the weights' },
      { key: 'batchSize', label: 'Batch size', kind: 'integer', default: 32, min: 1, max: 9000, unit: 'digits' },
      { key: 'epochs', label: 'Epochs', kind: 'integer', default: 10, min: 1, max: 1000, unit: 'passes' },
      { key: 'seed', label: 'Seed', kind: 'integer', default: 1, min: 0, max: 4294967295 },
      { key: 'augment', label: 'Augmentation', kind: 'flag', default: true,
        help: 'Show the training digits slightly shifted, turned and resized, so the network learns to expect variety' },
    ],
    learningRates: { sgd: 0.1, momentum: 0.02, adam: 0.002 },
    initFor: { relu: 'he', sigmoid: 'xavier', tanh: 'xavier' },
    maxParameters: MAX_PARAMETERS,
  };
}

function checkSettings(settings) {
  const errors = {};
  for (const field of settingsVocabulary().settings) {
    const value = settings[field.key];
    if (field.kind === 'integer' || field.kind === 'number') {
      const whole = field.kind === 'integer';
      if (!Number.isFinite(value) || (whole && !Number.isInteger(value)) ||
          value < field.min || value > field.max || (field.key === 'learningRate' && value <= 0)) {
        errors[field.key] = `${field.label} must be ${whole ? 'a whole number' : 'a number'} ` +
          (field.key === 'learningRate' ? `above 0 and at most ${field.max}` : `from ${field.min.toLocaleString('en-US')} to ${field.max.toLocaleString('en-US')}`);
      }
    }
  }
  let parameters = 0;
  const units = String(settings.layers).trim() === '' ? [] : String(settings.layers).split(',').map((t) => t.trim());
  if (!units.every((u) => /^[1-9]\d*$/.test(u))) {
    errors.layers = 'Give the units of each hidden layer as whole numbers above 0, separated by commas, like 256,128';
  } else {
    let inputs = 784;
    for (const n of [...units.map(Number), 10]) {
      parameters += (inputs + 1) * n;
      inputs = n;
    }
    if (parameters > MAX_PARAMETERS) {
      errors.layers = `That is ${parameters.toLocaleString('en-US')} weights; at most ` +
        `${MAX_PARAMETERS.toLocaleString('en-US')} fit here`;
    }
  }
  const summary = units.length ? `784-${units.join('-')}-10` : '784-10';
  return { ok: Object.keys(errors).length === 0, errors, parameters, bytes: parameters * BYTES_PER_PARAMETER, summary };
}

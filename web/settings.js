'use strict';
// The training settings form <-> the settings object that Session.configure()
// reads (as JSON). The module checks the values and explains what it refuses;
// only the hidden layers' text is parsed here.

// A learning rate that suits each optimizer, put in the form when the optimizer changes.
const LEARNING_RATES = { sgd: 0.1, momentum: 0.02, adam: 0.002 };

function readSettings(form) {
  const field = form.elements;
  const activation = field.activation.value;
  return {
    hidden: parseHiddenLayers(field.hidden),
    activation,
    init: activation === 'relu' ? 'he' : 'xavier',
    optimizer: field.optimizer.value,
    learningRate: Number(field.learningRate.value),
    batchSize: Number(field.batchSize.value),
    epochs: Number(field.epochs.value),
    seed: Number(field.seed.value),
    augment: field.augment.checked,
    cosine: true,
  };
}

// "256, 128" -> [256, 128]; "" -> [] (no hidden layer: the pixels feed the outputs directly).
function parseHiddenLayers(input) {
  const text = input.value.trim();
  const valid = /^(\d+(\s*,\s*\d+)*)?$/.test(text);
  input.setAttribute('aria-invalid', String(!valid));
  if (!valid) throw new Error(`Hidden layers: "${text}" is not a list of neuron counts like 128 or 256,128.`);
  return text ? text.split(',').map(Number) : [];
}

// Shows a loaded model's hidden layers and activation in the form.
function showArchitecture(form, { hidden, activation }) {
  form.elements.hidden.value = hidden.join(',');
  form.elements.hidden.setAttribute('aria-invalid', 'false');
  if ([...form.elements.activation.options].some((o) => o.value === activation)) form.elements.activation.value = activation;
}

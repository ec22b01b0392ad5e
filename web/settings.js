// The training settings panel, rendered from the module's vocabulary: a choice
// of the named networks, one field per setting, each with the message that
// explains what is wrong with it, and a line with the network's size and cost.
// read() gives the settings the fields show, checked by the module (the core's
// rules) as they are typed.

// {vocabulary, check} for SettingsPanel from the module M.
export function settingsApi(M) {
  const all = M.vocabulary();
  // The settings a person sets in the page: the vocabulary's rows marked onPage, with
  // their labels, defaults, limits and pairings.
  const settings = all.settings.filter((s) => s.onPage);
  // The core's rates are floats (0.1f is 0.10000000149 as a JS number): as a person writes them.
  const learningRates = Object.fromEntries(Object.entries(all.learningRates).map(([name, rate]) => [name, +rate.toPrecision(7)]));
  return { vocabulary: { ...all, settings, learningRates }, check: (values) => M.checkSettings(values) };
}

export const SETTING_NAMES = {
  relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh', identity: 'identity',
  adam: 'Adam', momentum: 'momentum', sgd: 'SGD',
};
// learningRate -> learning-rate, for the fields' ids and test hooks
const kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
// Layer text as the module writes it: "C16K5, p2" -> "c16k5,p2"
const normalLayers = (text) => text.replace(/\s+/g, '').toLowerCase();
const CUSTOM_NETWORK = 'custom';

export class SettingsPanel {
  // form: the <form> to fill; summary: where the network's size goes;
  // api: {vocabulary, check} from settingsApi(M); onChange() after every edit.
  constructor(form, summary, { vocabulary, check }, onChange) {
    this.form = form;
    this.summary = summary;
    this.vocabulary = vocabulary;
    this.check = check;
    this.network = this.renderNetworkChoice(vocabulary.networks);
    this.fields = new Map(vocabulary.settings.map((field) => [field.key, this.renderField(field)]));
    this.optimizer = this.value('optimizer');
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', (e) => {
      if (e.target === this.network) this.networkChosen();
      if (e.target.name === 'layers') this.showNetworkChoice();
      if (e.target.name === 'optimizer') this.optimizerChanged();
      this.refresh();
      onChange();
    });
    this.showNetworkChoice();
    this.refresh();
  }

  // The named networks, and "Custom layers" for any other layer text.
  renderNetworkChoice(networks) {
    const select = Object.assign(document.createElement('select'), { id: 'setting-network', name: 'network' });
    select.dataset.testid = 'setting-network';
    for (const { name, layers } of networks) select.add(new Option(`${name} (${layers})`, name));
    select.add(new Option('Custom layers', CUSTOM_NETWORK));
    const label = Object.assign(document.createElement('label'), { htmlFor: select.id, textContent: 'Network' });
    const note = Object.assign(document.createElement('span'), { id: 'setting-network-note', className: 'field-note' });
    select.setAttribute('aria-describedby', note.id);
    const box = Object.assign(document.createElement('div'), { className: 'field field-network' });
    box.append(label, select, note);
    this.form.append(box);
    this.networkNote = note;
    return select;
  }

  // The named network the layers field holds, or undefined.
  namedNetwork(layers = this.value('layers')) {
    return this.vocabulary.networks.find((n) => normalLayers(n.layers) === normalLayers(layers));
  }

  // A named network was chosen: its layers and the epochs that suit it fill their fields.
  networkChosen() {
    const chosen = this.vocabulary.networks.find((n) => n.name === this.network.value);
    if (!chosen) {
      this.fields.get('layers').input.focus();
      this.showNetworkChoice();
      return;
    }
    this.fields.get('layers').input.value = chosen.layers;
    const epochs = this.fields.get('epochs');
    epochs.input.value = String(chosen.epochs);
    epochs.remark = `Set to ${chosen.epochs}, the usual for the ${chosen.name}.`;
    this.showNetworkChoice();
  }

  // The choice that matches the layers field, and what it is.
  showNetworkChoice() {
    const named = this.namedNetwork();
    if (named) this.network.value = named.name;
    else this.network.value = CUSTOM_NETWORK;
    this.networkNote.textContent = named ? `${named.about[0].toUpperCase()}${named.about.slice(1)}.`
      : 'Write any layers in the Layers field.';
  }

  renderField(field) {
    const id = `setting-${kebab(field.key)}`;
    const box = document.createElement('div');
    box.className = `field field-${field.kind}`;
    let input;
    if (field.kind === 'choice') {
      input = document.createElement('select');
      for (const choice of field.choices) input.add(new Option(SETTING_NAMES[choice] || choice, choice));
      input.value = field.default;
    } else if (field.kind === 'flag') {
      input = Object.assign(document.createElement('input'), { type: 'checkbox', checked: field.default });
    } else {
      // Text, not type=number: the message can then quote exactly what was typed.
      input = Object.assign(document.createElement('input'), {
        type: 'text', value: String(field.default), spellcheck: false,
        inputMode: { number: 'decimal', integer: 'numeric' }[field.kind] || 'text',
      });
    }
    Object.assign(input, { id, name: field.key });
    input.dataset.testid = id;
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: field.label });
    if (field.unit) label.append(Object.assign(document.createElement('span'), { className: 'unit', textContent: ` (${field.unit})` }));
    if (field.help) label.title = input.title = field.help;
    const note = Object.assign(document.createElement('span'), { id: `${id}-note`, className: 'field-note' });
    input.setAttribute('aria-describedby', note.id);
    if (field.kind === 'flag') box.append(input, label, note);
    else box.append(label, input, note);
    this.form.append(box);
    return { field, input, note, remark: '' };
  }

  value(key) {
    const { input } = this.fields.get(key);
    return input.type === 'checkbox' ? input.checked : input.value;
  }

  // The settings the fields show, with what is wrong with them:
  // {settings, ok, errors: {key: message}, parameters, bytes, summary}.
  read() {
    const settings = {};
    const errors = {};
    for (const [key, { field }] of this.fields) {
      const text = this.value(key);
      if (field.kind === 'integer' || field.kind === 'number') {
        const whole = field.kind === 'integer';
        const pattern = whole ? /^\s*[+-]?\d+\s*$/ : /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
        settings[key] = pattern.test(text) ? Number(text) : NaN;
        if (!pattern.test(text)) {
          errors[key] = text.trim() === ''
            ? `Enter ${field.label.toLowerCase()}`
            : `"${text.trim()}" is not ${whole ? 'a whole number' : 'a number'}`;
        }
      } else {
        settings[key] = text;
      }
    }
    const checked = this.check(settings);
    Object.assign(checked.errors, errors);
    return { ...checked, settings, ok: Object.keys(checked.errors).length === 0 };
  }

  // Shows each field's message and the network's size and cost; returns read().
  refresh() {
    const result = this.read();
    for (const [key, entry] of this.fields) {
      const error = result.errors[key];
      entry.input.setAttribute('aria-invalid', String(Boolean(error)));
      entry.note.textContent = error ? `${error}.` : entry.remark;
      entry.note.classList.toggle('error', Boolean(error));
    }
    // The network alone, when another field is wrong.
    const network = result.ok ? result : this.check({ layers: result.settings.layers, activation: result.settings.activation });
    this.summary.textContent = network.ok ? `Network ${network.summary}: ` +
      `${network.parameters.toLocaleString('en-US')} weights and biases; reading one digit takes ` +
      `${operations(network.flopsPerDigit)} operations; ${megabytes(network.bytes)} while training ` +
      `(at most ${this.vocabulary.maxParameters.toLocaleString('en-US')} weights).` : '';
    return result;
  }

  // A learning rate the person typed stays; the previous optimizer's usual
  // one is replaced by the new optimizer's. Either way the field says so.
  optimizerChanged() {
    const rates = this.vocabulary.learningRates;
    const optimizer = this.value('optimizer');
    const entry = this.fields.get('learningRate');
    const name = SETTING_NAMES[optimizer] || optimizer;
    if (Number(entry.input.value) === rates[this.optimizer]) {
      entry.input.value = String(rates[optimizer]);
      entry.remark = `Set to ${rates[optimizer]}, the usual rate for ${name}.`;
    } else {
      entry.remark = `Kept ${entry.input.value.trim()}; ${name} usually trains well at ${rates[optimizer]}.`;
    }
    this.optimizer = optimizer;
  }

  // Shows a loaded model's layers and activation in the fields.
  showModel({ layers, activation }) {
    this.fields.get('layers').input.value = layers;
    const select = this.fields.get('activation').input;
    if ([...select.options].some((o) => o.value === activation)) select.value = activation;
    for (const entry of this.fields.values()) entry.remark = '';
    this.showNetworkChoice();
    this.refresh();
  }

  lock(locked) {
    this.network.disabled = locked;
    for (const { input } of this.fields.values()) input.disabled = locked;
  }
}

// 1620000 -> "1.6 MB"
function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

// 203530 -> "0.2 million", 4.6e6 -> "4.6 million" (a multiply or an add is one operation)
function operations(flops) {
  return `${(flops / 1e6).toFixed(flops < 1e8 ? 1 : 0)} million`;
}


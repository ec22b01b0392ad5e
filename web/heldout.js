// The held-out digits: a strip of some of them with the network's answers
// (wrong ones in red), and the confusion matrix of all of them. Each square of
// the matrix is a button that shows the digits counted in it; each digit of
// the strip is a button that gives it to the network as if drawn. Captions
// and counts always describe the model the page holds. (Digits are painted by
// paintDigit, from prediction.js.)
import { paintDigit } from './prediction.js';

const STRIP_SIZE = 24;

export class HeldOutView {
  // onPick(i): the person chose held-out digit i.
  constructor(session, { strip, caption, table }, onPick) {
    this.session = session;
    this.strip = strip;
    this.caption = caption;
    this.onPick = onPick;
    this.labels = Uint8Array.from({ length: session.heldOutCount() }, (_, i) => session.heldOutLabel(i));
    this.predicted = null;
    // What the strip shows: {kind: 'some' | 'random' | 'mistakes' | 'square', indices, truth?, answer?}
    this.selection = null;
    this.cells = this.buildTable(table);
    const step = Math.floor(this.labels.length / STRIP_SIZE);
    this.select({ kind: 'some', indices: Array.from({ length: Math.min(STRIP_SIZE, this.labels.length) }, (_, i) => i * step) });
  }

  // evaluation: { predicted: one answer per held-out digit, confusion: 100 counts, truth-major }.
  update({ predicted, confusion }) {
    this.predicted = predicted;
    this.paintMatrix(confusion);
    this.paintAnswers();
    this.describe();
  }

  showRandom() {
    this.select({ kind: 'random', indices: sample(Array.from(this.labels.keys()), STRIP_SIZE) });
  }

  showMistakes() {
    this.select({ kind: 'mistakes', indices: sample(this.indices((label, answer) => label !== answer), STRIP_SIZE) });
  }

  showSquare(truth, answer) {
    const found = this.indices((label, guess) => label === truth && guess === answer);
    this.select({ kind: 'square', indices: sample(found, STRIP_SIZE), truth, answer });
    // On a narrow screen the strip is far above the matrix: bring it into view.
    this.strip.scrollIntoView({ block: 'nearest' });
    this.caption.scrollIntoView({ block: 'nearest' });
  }

  indices(keep) {
    if (!this.predicted) return [];
    const found = [];
    this.labels.forEach((label, i) => { if (keep(label, this.predicted[i])) found.push(i); });
    return found;
  }

  select(selection) {
    this.selection = selection;
    this.strip.replaceChildren(...selection.indices.map((i) => {
      const item = document.createElement('li');
      item.dataset.index = i;
      item.innerHTML = '<button type="button" class="digit"><canvas width="28" height="28"></canvas>' +
        '<span class="guess"></span> <span class="truth"></span></button>';
      const button = item.firstChild;
      paintDigit(/** @type {HTMLCanvasElement} */ (button.firstChild).getContext('2d'), this.session.heldOutImage(i));
      button.addEventListener('click', () => this.onPick(i));
      return item;
    }));
    this.paintAnswers();
    this.describe();
    this.cells.flat().forEach((cell) => cell.classList.remove('selected'));
    if (selection.kind === 'square') this.cells[selection.truth][selection.answer].classList.add('selected');
  }

  // The caption, from the answers of the model the page holds now.
  describe() {
    const { kind, indices, truth, answer } = this.selection;
    const wrongNow = this.indices((label, guess) => label !== guess).length;
    let text;
    if (kind === 'some') text = 'A few of them';
    else if (kind === 'random') text = 'Some others, picked at random';
    else if (kind === 'mistakes') {
      const still = indices.filter((i) => this.predicted && this.predicted[i] !== this.labels[i]).length;
      text = !this.predicted ? 'Mistakes' : indices.length === 0 ? 'No mistakes at all'
        : still === indices.length ? `${indices.length} of its ${wrongNow} mistakes`
          : `${indices.length} digits it got wrong; ${still} of them still wrong now (${wrongNow} mistakes in all)`;
    } else {
      const count = this.indices((label, guess) => label === truth && guess === answer).length;
      text = `${truth === answer ? `${truth}s read correctly` : `${truth}s read as ${answer}`}: ${count} now`;
    }
    this.caption.textContent = text;
  }

  paintAnswers() {
    for (const item of this.strip.children) {
      const i = Number(item.dataset.index);
      const label = this.labels[i];
      const answer = this.predicted ? this.predicted[i] : null;
      const wrong = answer !== null && answer !== label;
      const button = item.firstChild;
      item.classList.toggle('wrong', wrong);
      button.children[1].textContent = answer === null ? '…' : String(answer);
      button.children[2].textContent = wrong ? `is ${label}` : '';
      // The name starts with the text shown on the button, as speech input expects.
      const shown = answer === null ? '…: ' : `${answer}${wrong ? ` is ${label}` : ''}: `;
      button.setAttribute('aria-label', `${shown}a held-out ${label}${answer === null ? '' : `, read as ${answer}`}; give it to the network`);
    }
  }

  buildTable(table) {
    table.createCaption().textContent = 'Held-out digits by true digit (rows) and the network\'s answer (columns)';
    table.caption.className = 'visually-hidden';
    const head = table.createTHead().insertRow();
    head.append(Object.assign(document.createElement('th'), { scope: 'col', innerHTML: '<span class="visually-hidden">True digit</span>' }));
    for (let c = 0; c < 10; c++) head.append(Object.assign(document.createElement('th'), { textContent: c, scope: 'col' }));
    const body = table.createTBody();
    return Array.from({ length: 10 }, (_, r) => {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement('th'), { textContent: r, scope: 'row' }));
      return Array.from({ length: 10 }, (_, c) => {
        const cell = row.insertCell();
        const button = Object.assign(document.createElement('button'), { type: 'button', className: 'square' });
        button.dataset.testid = `square-${r}-${c}`;
        button.addEventListener('click', () => this.showSquare(r, c));
        cell.append(button);
        return cell;
      });
    });
  }

  // Squares are tinted by their share of the row: the diagonal (right answers) in
  // the accent colour, the rest in red, strengthened so that a few mistakes show.
  paintMatrix(confusion) {
    for (let r = 0; r < 10; r++) {
      let total = 0;
      for (let c = 0; c < 10; c++) total += confusion[r * 10 + c];
      for (let c = 0; c < 10; c++) {
        const count = confusion[r * 10 + c];
        const share = total ? count / total : 0;
        // Two strengths, so that the numbers keep their contrast in both themes:
        // a light tint under the page's ink, or the full colour under --on-accent.
        const strength = r === c ? share : Math.min(1, share * 5);
        const hot = strength > 0.5;
        const cell = this.cells[r][c];
        const button = cell.firstChild;
        button.textContent = count;
        button.setAttribute('aria-label', `${count} of the ${total} ${r}s read as ${c}`);
        cell.classList.toggle('zero', count === 0);
        cell.classList.toggle('hot', hot);
        cell.style.background = count
          ? `color-mix(in srgb, var(${r === c ? '--accent' : '--bad'}) ${hot ? 100 : Math.round(12 + 80 * strength)}%, var(--bg))`
          : '';
      }
    }
    if (this.selection) this.describe();
  }
}

// Up to n of the items, in random order.
function sample(items, n) {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

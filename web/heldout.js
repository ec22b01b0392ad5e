'use strict';
// The held-out digits: a strip of some of them with the network's answers
// (wrong ones in red), and the confusion matrix of all of them. Clicking a
// square of the matrix shows the digits counted in it. (Digits are painted by
// paintDigit, from prediction.js.)

const STRIP_SIZE = 24;

class HeldOutView {
  constructor(session, { strip, caption, table }) {
    this.session = session;
    this.strip = strip;
    this.caption = caption;
    this.labels = Uint8Array.from({ length: session.heldOutCount() }, (_, i) => session.heldOutLabel(i));
    this.predicted = null;
    this.selected = null;  // the matrix square whose digits the strip shows, as [truth, answer]
    this.cells = this.buildTable(table);
    const step = Math.floor(this.labels.length / STRIP_SIZE);
    this.select(Array.from({ length: Math.min(STRIP_SIZE, this.labels.length) }, (_, i) => i * step), 'A few of them');
  }

  // evaluation: { predicted: one answer per held-out digit, confusion: 100 counts, truth-major }.
  update({ predicted, confusion }) {
    this.predicted = predicted;
    this.paintMatrix(confusion);
    this.paintAnswers();
  }

  showRandom() {
    this.select(sample(Array.from(this.labels.keys()), STRIP_SIZE), 'Some others, picked at random');
  }

  showMistakes() {
    const wrong = this.indices((label, answer) => label !== answer);
    this.select(sample(wrong, STRIP_SIZE),
      wrong.length ? `${Math.min(wrong.length, STRIP_SIZE)} of its ${wrong.length} mistakes` : 'No mistakes at all');
  }

  showSquare(truth, answer) {
    const found = this.indices((label, guess) => label === truth && guess === answer);
    const what = truth === answer ? `${truth}s read correctly` : `${truth}s read as ${answer}`;
    this.select(sample(found, STRIP_SIZE), `${what}: ${found.length}`, [truth, answer]);
  }

  indices(keep) {
    if (!this.predicted) return [];
    const found = [];
    this.labels.forEach((label, i) => { if (keep(label, this.predicted[i])) found.push(i); });
    return found;
  }

  select(indices, text, square = null) {
    this.caption.textContent = text;
    this.selected = square;
    this.strip.replaceChildren(...indices.map((i) => {
      const item = document.createElement('li');
      item.dataset.index = i;
      item.innerHTML = '<canvas width="28" height="28"></canvas><span class="guess"></span><span class="truth"></span>';
      paintDigit(item.firstChild.getContext('2d'), this.session.heldOutImage(i));
      return item;
    }));
    this.paintAnswers();
    this.cells.flat().forEach((cell) => cell.classList.remove('selected'));
    if (square) this.cells[square[0]][square[1]].classList.add('selected');
  }

  paintAnswers() {
    for (const item of this.strip.children) {
      const i = Number(item.dataset.index);
      const label = this.labels[i];
      const answer = this.predicted ? this.predicted[i] : null;
      const wrong = answer !== null && answer !== label;
      item.classList.toggle('wrong', wrong);
      item.children[1].textContent = answer === null ? '…' : String(answer);
      item.children[2].textContent = wrong ? `is ${label}` : '';
      item.title = answer === null ? `a ${label}` : `a ${label}, read as ${answer}`;
    }
  }

  buildTable(table) {
    const head = table.createTHead().insertRow();
    head.append(document.createElement('th'));
    for (let c = 0; c < 10; c++) head.append(Object.assign(document.createElement('th'), { textContent: c, scope: 'col' }));
    const body = table.createTBody();
    return Array.from({ length: 10 }, (_, r) => {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement('th'), { textContent: r, scope: 'row' }));
      return Array.from({ length: 10 }, (_, c) => {
        const cell = row.insertCell();
        cell.addEventListener('click', () => this.showSquare(r, c));
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
        const strength = r === c ? share : Math.min(1, share * 5);
        const cell = this.cells[r][c];
        cell.textContent = count;
        cell.title = `${count} of the ${total} ${r}s read as ${c}`;
        cell.classList.toggle('zero', count === 0);
        cell.classList.toggle('hot', strength > 0.55);
        cell.style.background = count
          ? `color-mix(in srgb, var(${r === c ? '--accent' : '--bad'}) ${Math.round(15 + 85 * strength)}%, var(--bg))`
          : '';
      }
    }
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

// The pair view: two articles side by side with their shared passages highlighted.
// Marks are built from UTF-16 offsets as text nodes and <mark> elements (never
// innerHTML). Hovering or focusing a passage on one side highlights its counterpart
// on the other and scrolls the other text to it; next/previous walk the passages.
import { h, clear, count, percent, uniqueId } from './dom.js';

export class PairView {
  /**
   * @param {HTMLElement} container
   * @param {{minPassageWords?: number, minPassageScore?: number,
   *   onSensitivity?: (s: {minPassageWords: number, minPassageScore: number}) => void,
   *   onPassage?: (p: {index, left, right, a: {start, end}, b: {start, end}, score?}) => void}} props
   *   `minPassageScore` from 0 (paraphrases too) to 1 (word-for-word copies only);
   *   `onPassage` when the reader makes a passage the current one (a: left side, b: right).
   */
  constructor(container, { minPassageWords = 8, minPassageScore = 0, onSensitivity, onPassage } = {}) {
    this.container = container;
    this.onPassage = onPassage;
    this.current = -1;
    this.passages = [];
    const sliderId = uniqueId('sensitivity');
    this.slider = h('input', { id: sliderId, name: 'minPassageWords', type: 'range', min: 3, max: 60, step: 1, value: minPassageWords });
    this.sliderValue = h('output', { htmlFor: sliderId, text: `${minPassageWords} words` });
    const scoreId = uniqueId('similarity');
    const scoreSlider = this.scoreSlider = h('input', { id: scoreId, name: 'minPassageScore', type: 'range', min: 0, max: 100, step: 5, value: Math.round(minPassageScore * 100) });
    const scoreValue = h('output', { htmlFor: scoreId, text: `${Math.round(minPassageScore * 100)} %` });
    this.showSettings = () => {
      this.sliderValue.textContent = `${this.slider.value} words`;
      scoreValue.textContent = `${scoreSlider.value} %`;
    };
    const changed = () => {
      const settings = { minPassageWords: Number(this.slider.value), minPassageScore: Number(scoreSlider.value) / 100 };
      this.sliderValue.textContent = `${settings.minPassageWords} words`;
      scoreValue.textContent = `${scoreSlider.value} %`;
      onSensitivity?.(settings);
    };
    this.slider.addEventListener('input', changed);
    scoreSlider.addEventListener('input', changed);
    this.summary = h('p', { class: 'pair-summary', attrs: { 'aria-live': 'polite' } });
    this.position = h('span', { class: 'passage-position', attrs: { 'aria-live': 'polite' } });
    this.prev = h('button', { type: 'button', text: '← Previous passage', on: { click: () => this.step(-1) } });
    this.next = h('button', { type: 'button', text: 'Next passage →', on: { click: () => this.step(1) } });
    this.headA = h('h3', { class: 'side-title' });
    this.headB = h('h3', { class: 'side-title' });
    this.paneA = h('div', { class: 'pane', data: { side: 'a' }, attrs: { tabindex: '-1' } });
    this.paneB = h('div', { class: 'pane', data: { side: 'b' }, attrs: { tabindex: '-1' } });
    this.body = h('div', { class: 'pair-body' },
      h('div', { class: 'pair-controls' },
        h('label', { htmlFor: sliderId, text: 'Minimum passage length ' }), this.slider, this.sliderValue,
        h('label', { htmlFor: scoreId, text: 'Minimum similarity ', attrs: { title: '100 %: word-for-word copies only; lower: edited and paraphrased passages too' } }), scoreSlider, scoreValue,
        h('span', { class: 'nav' }, this.prev, this.position, this.next)),
      this.summary,
      h('div', { class: 'sides' },
        h('section', { class: 'side' }, this.headA, this.paneA),
        h('section', { class: 'side' }, this.headB, this.paneB)));
    this.placeholder = h('p', { class: 'empty', text: 'Choose a cell of the matrix to compare two articles.' });
    clear(container).append(this.placeholder);
    for (const pane of [this.paneA, this.paneB]) {
      pane.addEventListener('mouseover', (e) => this.hover(e, pane));
      pane.addEventListener('focusin', (e) => this.focused(e, pane));
    }
  }

  /** Moves the two sliders to settings made elsewhere (a reload, the host), without telling `onSensitivity`. */
  setSensitivity(minPassageWords, minPassageScore) {
    this.slider.value = String(minPassageWords);
    this.scoreSlider.value = String(Math.round(minPassageScore * 100));
    this.showSettings();
  }

  /**
   * Shows `left` and `right` (ids) from `report`; `texts` maps id → text.
   * Keeps the current passage when the same pair is shown again.
   */
  update(report, texts, left, right) {
    const pair = report?.pairs.find((p) => (p.a === left && p.b === right) || (p.a === right && p.b === left));
    if (!pair || !texts.has(left) || !texts.has(right)) {
      this.shown = null;
      clear(this.container).append(this.placeholder);
      return;
    }
    const flip = pair.a !== left;
    const same = this.shown && this.shown.left === left && this.shown.right === right;
    this.shown = { left, right };
    const docs = new Map(report.documents.map((d, i) => [d.id, { ...d, number: i + 1 }]));
    const title = (id) => docs.get(id)?.title || id;
    // Syndicated copies often share a headline: the list number tells them apart.
    const numbered = (id) => `${docs.get(id)?.number ?? '?'}. ${title(id)}`;
    const n = (id) => docs.get(id)?.number ?? '?';
    this.passages = pair.passages.map((p, index) => ({
      index, a: flip ? p.b : p.a, b: flip ? p.a : p.b, score: p.score,
    }));
    const textA = texts.get(left);
    const textB = texts.get(right);
    this.headA.textContent = numbered(left);
    this.headB.textContent = numbered(right);
    // The same pair again (new sensitivity, new settings): the reader keeps their place.
    const scroll = same ? [this.paneA.scrollTop, this.paneB.scrollTop] : [0, 0];
    this.paneA.replaceChildren(highlight(textA, this.passages, 'a', 'b'));
    this.paneB.replaceChildren(highlight(textB, this.passages, 'b', 'a'));
    this.paneA.classList.toggle('long', textA.length > LONG);
    this.paneB.classList.toggle('long', textB.length > LONG);
    this.paneA.setAttribute('aria-label', `Text of ${title(left)}`);
    this.paneB.setAttribute('aria-label', `Text of ${title(right)}`);

    const aInB = flip ? pair.containment.bInA : pair.containment.aInB;
    const bInA = flip ? pair.containment.aInB : pair.containment.bInA;
    const charsA = covered(this.passages.map((p) => p.a));
    const charsB = covered(this.passages.map((p) => p.b));
    this.summary.textContent = `${percent(aInB)} of article ${n(left)} (left) is found in article ${n(right)} (right); `
      + `${percent(bInA)} of article ${n(right)} is found in article ${n(left)}. `
      + `${count(this.passages.length)} shared passage${this.passages.length === 1 ? '' : 's'}: `
      + `${count(charsA)} characters on the left, ${count(charsB)} on the right.`;
    if (!this.body.isConnected) clear(this.container).append(this.body);
    [this.paneA.scrollTop, this.paneB.scrollTop] = scroll;
    if (!same || this.current >= this.passages.length) this.current = -1;
    this.announced = -1;
    this.showPosition();
  }

  hover(event, pane) {
    const mark = event.target.closest?.('mark[data-passage]');
    if (mark) this.activate(Number(mark.dataset.passage), pane, false);
  }

  focused(event, pane) {
    const mark = event.target.closest?.('mark[data-passage]');
    // Keyboard focus brings the passage into view on both sides; a click is already on it.
    if (mark) this.activate(Number(mark.dataset.passage), pane, mark.matches(':focus-visible'));
  }

  /** Highlights passage `index` on both sides and scrolls the other side (and, when asked, this side) to it. */
  activate(index, fromPane, scrollOwn) {
    this.current = index;
    for (const m of this.container.querySelectorAll('mark.active')) m.classList.remove('active');
    for (const pane of [this.paneA, this.paneB]) {
      const marks = pane.querySelectorAll(`mark[data-passage="${index}"]`);
      if (marks.length === 0) continue;
      for (const m of marks) m.classList.add('active');
      if (pane !== fromPane || scrollOwn) scrollWithin(pane, marks[0]);
    }
    this.showPosition();
    const p = this.passages[index];
    if (p && this.announced !== index) this.onPassage?.({ index, left: this.shown.left, right: this.shown.right, a: p.a, b: p.b, score: p.score });
    // Hovering along a passage's marks tells once, not on every mark.
    this.announced = index;
  }

  step(delta) {
    if (this.passages.length === 0) return;
    const next = this.current < 0 ? (delta > 0 ? 0 : this.passages.length - 1)
      : (this.current + delta + this.passages.length) % this.passages.length;
    const mark = this.paneA.querySelector(`mark[data-passage="${next}"]`) ?? this.paneB.querySelector(`mark[data-passage="${next}"]`);
    if (mark) mark.focus({ preventScroll: true });
    this.activate(next, null, true);
  }

  showPosition() {
    const n = this.passages.length;
    this.prev.disabled = n === 0;
    this.next.disabled = n === 0;
    if (n === 0) {
      this.position.textContent = 'No shared passages at this length';
      return;
    }
    const p = this.passages[this.current];
    this.position.textContent = p
      ? `Passage ${this.current + 1} of ${n}${typeof p.score === 'number' ? ` · score ${p.score.toFixed(2)}` : ''}`
      : `${n} passage${n === 1 ? '' : 's'}`;
  }
}

/**
 * A fragment of `text` with each passage's `side` range wrapped in a <mark>.
 * Ranges that overlap an earlier one on this side are clipped to start after it.
 * The text is cut into blocks of about CHUNK characters at line ends, so that the
 * browser can skip laying out the blocks out of view (`content-visibility`): a 5 MB
 * article then opens at once. A passage crossing a block edge gets one mark per block.
 */
export function highlight(text, passages, side, otherSide) {
  const fragment = document.createDocumentFragment();
  const cuts = chunkCuts(text);
  let chunk = null;
  let chunkEnd = 0;
  let next = 0;
  const emit = (start, end, range) => {
    let first = true;
    while (start < end) {
      if (start >= chunkEnd) {
        chunk = document.createElement('div');
        chunk.className = 'chunk';
        fragment.append(chunk);
        chunkEnd = cuts[next++];
      }
      const stop = Math.min(end, chunkEnd);
      chunk.append(range ? markFor(text, range, start, stop, first) : document.createTextNode(text.slice(start, stop)));
      first = false;
      start = stop;
    }
  };
  const ranges = passages
    .map((p) => ({ index: p.index, start: p[side].start, end: p[side].end, score: p.score }))
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
    .sort((x, y) => x.start - y.start || x.end - y.end);
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(r.start, at);
    const end = Math.min(r.end, text.length);
    if (end <= start) continue;
    emit(at, start, null);
    emit(start, end, r);
    at = end;
  }
  emit(at, text.length, null);
  return fragment;
}

const CHUNK = 20_000;
/** Texts longer than this skip laying out blocks out of view (see style.css). */
const LONG = 100_000;

/** Block ends: after the first line break past each CHUNK characters, never inside a surrogate pair. */
function chunkCuts(text) {
  const cuts = [];
  let pos = 0;
  while (pos < text.length) {
    let cut = pos + CHUNK;
    if (cut >= text.length) cut = text.length;
    else {
      const newline = text.indexOf('\n', cut);
      if (newline !== -1 && newline - cut < CHUNK / 4) cut = newline + 1;
      else if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut += 1;
    }
    cuts.push(cut);
    pos = cut;
  }
  return cuts;
}

function markFor(text, range, start, end, first) {
  const mark = document.createElement('mark');
  const score = typeof range.score === 'number' ? range.score.toFixed(2) : null;
  mark.className = 'passage';
  mark.dataset.passage = String(range.index);
  mark.dataset.start = String(start);
  mark.dataset.end = String(end);
  // The badge (drawn by CSS, so it is not part of the text) pairs the two sides at a glance.
  if (first) mark.dataset.label = score ? `${range.index + 1} · ${score}` : String(range.index + 1);
  mark.tabIndex = 0;
  mark.title = `Shared passage ${range.index + 1}${score ? `, score ${score}` : ''}`;
  mark.textContent = text.slice(start, end);
  return mark;
}

/** Characters covered by the union of `spans`. */
function covered(spans) {
  let total = 0;
  let reach = 0;
  for (const { start, end } of [...spans].sort((x, y) => x.start - y.start)) {
    const from = Math.max(start, reach);
    if (end > from) total += end - from;
    reach = Math.max(reach, end);
  }
  return total;
}

/**
 * Scrolls `pane` (not the page) so that `mark` sits a third of the way down; once
 * more on the next frame, because blocks skipped until now get their real height
 * when they come into view.
 */
function scrollWithin(pane, mark) {
  const place = () => {
    const top = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
  };
  place();
  requestAnimationFrame(place);
}

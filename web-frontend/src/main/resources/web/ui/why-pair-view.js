// "Why this pair?": how the pair on now was chosen (the recommender's rank, the viewer's learned taste and the
// exploration bonus, the features that weighed most), the viewer's taste as the engine learned it, and the
// viewer's controls over it: reset it, download their own feedback log.

const ARM_TEXT = {
  learned: 'your learned taste re-ranks the recommender\'s best pairs',
  'weighted-random': 'pairs are drawn at random, weighted by their quality (the A/B test\'s control arm)',
  recommender: 'the recommender picks alone, without learning',
};

const signed = (v) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;

/** One line about how a pair was picked, from the plan's `why`. */
export function whyText(pair) {
  const why = pair && pair.why;
  if (!why) return 'This engine does not say why it picked pairs.';
  const context = `${pair.style ? `${pair.style}, ` : ''}energy ${Number(why.energy).toFixed(2)}`;
  if (why.policy === 'weighted-random') {
    return `Drawn at random among ${why.candidates} pairs, weighted by quality (${context}).`;
  }
  const rank = `#${why.rank} of the recommender's ${why.candidates} best for this section (${context}), score `
    + `${Number(pair.score).toFixed(3)}`;
  if (why.policy !== 'learned') {
    return `${rank}${pair.explored ? '; an exploration pick' : ''}.`;
  }
  const because = why.because.length ? ` Because: ${why.because.map((b) => `${b.feature} ${signed(b.value)}`)
    .join(', ')}.` : '';
  return `${rank}; your taste ${signed(why.preference)}, exploration bonus ${signed(why.exploration)}`
    + `${pair.explored ? ' (picked to learn more about your taste)' : ''}.${because}`;
}

export class WhyPairView {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {{show: import('../show/show.js').Show, recorder: import('../feedback/feedback-recorder.js')
   *   .FeedbackRecorder, reset: () => Promise<void>, download: () => Promise<void>}} parts
   */
  constructor($, { show, recorder, reset, download }) {
    this.show = show;
    this.text = $('why-pair-text');
    this.arm = $('why-pair-arm');
    this.list = $('preference-list');
    this.about = $('preference-about');
    show.addEventListener('pair', (e) => { this.text.textContent = whyText(e.detail.pair); });
    recorder.addEventListener('learned', () => this.refresh());
    $('preference-reset').addEventListener('click', async () => {
      await reset();
      this.refresh();
    });
    $('feedback-download').addEventListener('click', () => download());
  }

  /** The viewer's taste as the engine holds it now. */
  async refresh() {
    let summary;
    try {
      summary = await this.show.client.viewerRequest('summary');
    } catch (e) {
      this.about.textContent = `Your taste could not be read (${e.message}).`;
      return;
    }
    this.arm.textContent = `How pairs are chosen here: ${ARM_TEXT[summary.arm] || summary.arm}.`;
    this.list.replaceChildren(...summary.strongest.map((f) => {
      const li = document.createElement('li');
      li.textContent = `${f.value >= 0 ? 'more' : 'less'} ${f.feature} (${signed(f.value)})`;
      return li;
    }));
    this.about.textContent = summary.signals === 0
      ? 'Nothing learned yet: rate pairs, skip or keep them, and the show follows your taste.'
      : `Learned from ${summary.signals} signal${summary.signals === 1 ? '' : 's'} in this browser`
        + `${summary.priorVersion > 0 ? `, starting from the viewers' shared prior v${summary.priorVersion}` : ''}.`;
  }
}

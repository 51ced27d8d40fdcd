// The step list (reading → decoding → analysing → ready), the progress bar and the status line.

const STEPS = ['reading', 'decoding', 'analysing', 'ready'];

export class ProgressView {
  constructor({ steps, bar, text }) {
    this.items = new Map([...steps.querySelectorAll('li[data-step]')].map((li) => [li.dataset.step, li]));
    this.bar = bar;
    this.text = text;
    this.current = null;
  }

  /** Marks `step` active and the earlier ones done. fraction: 0..1 of the whole, or null = indeterminate. */
  show(step, message, fraction = null) {
    const index = STEPS.indexOf(step);
    STEPS.forEach((name, i) => {
      const li = this.items.get(name);
      if (!li) return;
      li.classList.toggle('done', i < index || (step === 'ready' && i === index));
      li.classList.toggle('active', i === index && step !== 'ready');
      li.classList.remove('failed');
      if (i === index && step !== 'ready') li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
    this.current = step;
    this.setFraction(fraction);
    this.text.textContent = message;
  }

  setFraction(fraction) {
    if (fraction === null || !Number.isFinite(fraction)) {
      this.bar.removeAttribute('value'); // indeterminate
    } else {
      this.bar.value = Math.min(Math.max(fraction, 0), 1);
    }
  }

  setText(message) {
    this.text.textContent = message;
  }

  /** Marks the current step failed and stops the bar. */
  fail(message) {
    const li = this.current ? this.items.get(this.current) : null;
    if (li) {
      li.classList.remove('active');
      li.classList.add('failed');
      li.removeAttribute('aria-current');
    }
    this.bar.value = 0;
    this.text.textContent = message;
  }

  reset(message) {
    for (const li of this.items.values()) {
      li.classList.remove('done', 'active', 'failed');
      li.removeAttribute('aria-current');
    }
    this.current = null;
    this.bar.value = 0;
    this.text.textContent = message;
  }
}

// The live input controls: microphone / line-in with a device picker, tab audio, stop, sensitivity, and a line
// saying what the engine knows so far (no whole-song plan exists for live sound).

import { audioInputs, microphone, tabAudio } from '../live/live-input-sources.js';
import { formatTime } from './format.js';

export class LiveControls {
  /**
   * @param {(id: string) => HTMLElement} $
   * @param {import('../show/show.js').Show} show
   * @param {import('./messages.js').Messages} messages
   */
  constructor($, show, messages) {
    this.show = show;
    this.messages = messages;
    this.device = $('live-device');
    this.micButton = $('live-mic');
    this.tabButton = $('live-tab');
    this.stopButton = $('live-stop');
    this.sensitivity = $('live-sensitivity');
    this.status = $('live-status');
    this.micButton.addEventListener('click', () => this.start(() => microphone(this.device.value), 'microphone'));
    this.tabButton.addEventListener('click', () => this.start(tabAudio, 'tab audio'));
    this.stopButton.addEventListener('click', () => show.pause());
    show.addEventListener('live', (e) => this.showUpdate(e.detail));
    show.addEventListener('state', (e) => this.showState(e.detail.state));
  }

  async start(open, label) {
    this.messages.clearError();
    let stream;
    try {
      stream = await open();
    } catch (e) {
      this.messages.showError(`Live input: ${e.message}.`);
      return;
    }
    this.status.textContent = `Listening to ${label}…`;
    this.label = label;
    if (!await this.show.goLive(stream, { sensitivity: this.sensitivity.value / 100, label })) {
      this.status.textContent = 'Live input is off.';
      return;
    }
    this.fillDevices(); // labels are known once an input was allowed
  }

  async fillDevices() {
    const chosen = this.device.value;
    const inputs = await audioInputs().catch(() => []);
    this.device.replaceChildren(new Option('default microphone / line-in', ''),
      ...inputs.map((d) => new Option(d.label, d.id)));
    this.device.value = inputs.some((d) => d.id === chosen) ? chosen : '';
  }

  showState(state) {
    this.stopButton.disabled = state !== 'live';
    if (state !== 'live' && this.wasLive) {
      this.status.textContent = state === 'error' ? 'Live input stopped (see the message above).' : 'Live input is off.';
    }
    this.wasLive = state === 'live';
  }

  /** What the engine knows after the last hop: style now (confidence), tempo, the section and how long it has heard. */
  showUpdate({ update }) {
    const parts = [`heard ${formatTime(update.seconds)}`];
    if (update.style === 'none') parts.push(`no style (${update.reason})`);
    else if (update.style) parts.push(`style ${update.style} (${Math.round(100 * update.probabilities.reduce((a, b) => Math.max(a, b), 0))} %)`);
    else parts.push('style: listening…');
    parts.push(update.tempo ? `${update.tempo.bpm.toFixed(0)} BPM` : 'tempo: listening…');
    if (update.section) parts.push(`section since ${formatTime(update.section.start)} (${update.section.reason})`);
    const recent = update.readings.slice(-8).map((r) => r.style).join(' → ');
    this.status.textContent = `Live (${this.label}): ${parts.join(' · ')}${recent ? ` · recent: ${recent}` : ''}. No whole-song plan: the engine knows the last 12 s.`;
  }
}

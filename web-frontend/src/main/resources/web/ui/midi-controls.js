// Web MIDI for the console: notes and control changes (CCs) of any MIDI input run the same actions as the keys
// (shortcuts.js ACTIONS, through Shortcuts.run). "MIDI learn": pick an action, press a pad or move a knob, and it
// is bound. Bindings are kept in localStorage ("aivj.midiBindings": {"note:<channel>:<number>": action}).
// The page asks for MIDI access only when learn is clicked, or at load when bindings were made before.

import { ACTIONS, actionLabel } from './shortcuts.js';

export const MIDI_BINDINGS_KEY = 'aivj.midiBindings';

/** A MIDI message as a control: {id: 'note:0:36' | 'cc:0:7', text, press} or null (note off, clock, sysex…). */
export function controlOf(data) {
  if (!data || data.length < 3) return null;
  const kind = data[0] & 0xf0;
  const channel = data[0] & 0x0f;
  if (kind === 0x90 && data[2] > 0) {
    return { id: `note:${channel}:${data[1]}`, text: `note ${data[1]} (channel ${channel + 1})`, press: true };
  }
  if (kind === 0xb0) {
    // A knob or fader sends a stream of values: it acts once each time it rises past the middle; a button
    // sending a CC (127 / 0) acts on each press.
    return { id: `cc:${channel}:${data[1]}`, text: `CC ${data[1]} (channel ${channel + 1})`, value: data[2] };
  }
  return null;
}

export class MidiControls {
  /**
   * @param {{learn: HTMLButtonElement, action: HTMLSelectElement, status: HTMLElement, clear: HTMLButtonElement}} parts
   * @param {(name: string) => void} run runs a console action by name
   * @param {(message: string) => void} notice
   */
  constructor({ learn, action, status, clear }, run, notice) {
    this.learnButton = learn;
    this.actionSelect = action;
    this.statusLine = status;
    this.run = run;
    this.notice = notice;
    this.access = null;
    this.inputCount = 0;
    this.learning = false;
    /** The last value of each CC, to act on its rise past the middle only. */
    this.ccValues = new Map();
    this.bindings = this.load();
    action.replaceChildren(...ACTIONS.map((a) => new Option(a.label, a.name)));
    learn.addEventListener('click', () => this.toggleLearn());
    clear.addEventListener('click', () => this.forget());
    this.showBindings();
    if (Object.keys(this.bindings).length) this.connect(); // set up before: the controller works at once
  }

  load() {
    try {
      const text = localStorage.getItem(MIDI_BINDINGS_KEY);
      const stored = text ? JSON.parse(text) : {};
      const names = new Set(ACTIONS.map((a) => a.name));
      return Object.fromEntries(Object.entries(stored).filter(([, name]) => names.has(name)));
    } catch (e) {
      this.notice(`The stored MIDI bindings could not be read (${e.message}); learn them again.`);
      return {};
    }
  }

  save() {
    try {
      localStorage.setItem(MIDI_BINDINGS_KEY, JSON.stringify(this.bindings));
    } catch (e) {
      this.notice(`The MIDI bindings could not be saved (${e.message}); they last until the page is closed.`);
    }
  }

  /** Asks for MIDI access (once); true when granted. A missing API or a refusal is said in the notice line. */
  async connect() {
    if (this.access) return true;
    if (typeof navigator.requestMIDIAccess !== 'function') {
      this.fail('This browser has no Web MIDI (Chrome, Edge, Opera and Firefox have it; Safari does not)');
      return false;
    }
    try {
      this.access = await navigator.requestMIDIAccess({ sysex: false });
    } catch (e) {
      const why = e && e.name ? `${e.name}: ${e.message}` : String(e);
      this.fail(`MIDI access was refused (${why}); allow MIDI for this site in the browser's settings`);
      return false;
    }
    this.access.onstatechange = () => this.listen();
    this.listen();
    return true;
  }

  fail(reason) {
    this.statusLine.textContent = 'MIDI off';
    this.notice(`${reason}. The keys and buttons still work.`);
    this.stopLearning();
  }

  /** Listens to every input there is now (called again as devices come and go). */
  listen() {
    let count = 0;
    this.access.inputs.forEach((input) => {
      input.onmidimessage = (e) => this.onMessage(e.data);
      count++;
    });
    this.inputCount = count;
    if (count === 0) this.notice('No MIDI input is connected: plug one in, it is picked up as it arrives.');
    this.showBindings();
  }

  onMessage(data) {
    const control = controlOf(data);
    if (!control) return;
    if (control.value !== undefined) { // a CC: a press is its rise past the middle
      const before = this.ccValues.has(control.id) ? this.ccValues.get(control.id) : 0;
      this.ccValues.set(control.id, control.value);
      control.press = before < 64 && control.value >= 64;
    }
    if (this.learning) {
      this.bind(control);
      return;
    }
    const name = this.bindings[control.id];
    if (name && control.press) this.run(name);
  }

  bind(control) {
    const name = this.actionSelect.value;
    // One control, one action: a control bound before moves to the new action.
    this.bindings[control.id] = name;
    this.save();
    this.stopLearning();
    this.statusLine.textContent = `${control.text} → ${actionLabel(name)}`;
  }

  async toggleLearn() {
    if (this.learning) {
      this.stopLearning();
      this.showBindings();
      return;
    }
    if (!await this.connect()) return;
    this.learning = true;
    this.learnButton.setAttribute('aria-pressed', 'true');
    this.learnButton.textContent = 'Stop learning';
    this.actionSelect.hidden = false;
    this.statusLine.textContent = 'Pick an action, then press a pad or move a knob.';
  }

  stopLearning() {
    this.learning = false;
    this.learnButton.setAttribute('aria-pressed', 'false');
    this.learnButton.textContent = 'MIDI learn';
    this.actionSelect.hidden = true;
  }

  forget() {
    this.bindings = {};
    this.save();
    this.showBindings();
  }

  showBindings() {
    const n = Object.keys(this.bindings).length;
    const inputs = this.access ? ` · ${this.inputCount} input${this.inputCount === 1 ? '' : 's'}` : '';
    this.statusLine.textContent = `${n} MIDI binding${n === 1 ? '' : 's'}${inputs}`;
  }
}

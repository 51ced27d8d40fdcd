/* <aivj-visualizer>: the AIVJ visualizer as one custom element for any web page.
 *
 *   <script src="https://aivj.example/widget/aivj-visualizer.js" defer></script>
 *   <aivj-visualizer src="song.mp3" width="640" height="360" autoplay controls></aivj-visualizer>
 *
 * The element shows, in its shadow DOM, an iframe of embed.html from this script's own origin: the WebAssembly
 * engine, the music model and the presets always come from there, whatever page embeds it, and every widget has
 * its own worker, AudioContext and WebGL contexts, so several widgets on one page do not disturb each other.
 * This is a classic script, not a module: it then loads from another site without CORS, and
 * document.currentScript tells it its own URL.
 *
 * Attributes (URLs are resolved against the embedding page, like <img src>):
 *   src       the song (any format the browser decodes); on another site it must be served with CORS
 *   name      the song's name in messages (default: the file name in src)
 *   width, height   CSS size (a bare number = pixels); default 480 × 270
 *   model     music model folder (default <script origin>/models/music-v1/)
 *   pairs     preset pair library (default <script origin>/pairs/pair-library.json)
 *   presets   projectM preset library index (default <script origin>/presets/projectm/index.json)
 *   autoplay  start playing when ready (if the browser blocks it, the widget shows its play button)
 *   controls  show play/pause and the pair controls (back, lock, skip)
 *   input     "mic": play to the microphone / line-in instead of a song (the browser asks the person first; src is
 *             then not needed)
 * Set by the element: state = loading | decoding | analysing | opening | ready | live | error, playing (boolean)
 * (opening: a long song already plays on the plan of its first seconds while the rest is analysed).
 * Events (bubbling, composed; detail): aivj-statechange {state}, aivj-ready {song, tempoBpm, style, styleReason,
 *   ...} (style "none" with a styleReason such as "silence: digital silence" when the song has too little signal),
 *   aivj-error {message}, aivj-play, aivj-pause. Methods: play(), pause() (the browser may refuse play()
 *   without a click inside the widget). Properties: state, error, summary.
 */
(() => {
  'use strict';

  const TAG = 'aivj-visualizer';
  if (!window.customElements || customElements.get(TAG)) return; // loaded twice: the first definition stands

  const script = document.currentScript;
  const SCRIPT_URL = script && script.src ? script.src : new URL('/widget/aivj-visualizer.js', location.href).href;
  const EMBED_URL = new URL('embed.html', SCRIPT_URL);
  const EMBED_ORIGIN = EMBED_URL.origin;
  /** After the iframe has loaded, the embed page must have reported within this time, or it did not start. */
  const START_TIMEOUT_MS = 8000;
  /** Attributes passed to the embed page: changing one reloads the widget. */
  const PASSED = ['src', 'name', 'model', 'pairs', 'presets', 'autoplay', 'controls', 'input'];
  const URL_ATTRIBUTES = ['src', 'model', 'pairs', 'presets'];

  // A constructed style sheet, not a <style> element: a page whose CSP forbids inline styles still allows it.
  const CSS_TEXT = ':host{display:inline-block;position:relative;width:480px;height:270px;vertical-align:middle;'
    + 'background:#000;color:#eee;font:14px/1.4 system-ui,sans-serif}'
    + ':host([hidden]){display:none}'
    + 'iframe{display:block;width:100%;height:100%;border:0}'
    + '.failed{position:absolute;inset:0;margin:0;padding:1em;overflow:auto;color:#ffb4a8}';

  let sheet = null;
  function styleSheet() {
    if (sheet === null) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS_TEXT);
      } catch (e) {
        sheet = false; // an old browser: the sizes are then set inline below
      }
    }
    return sheet || null;
  }

  /** "640" → "640px"; any valid CSS length passes; anything else → null (the default applies). */
  function cssSize(value) {
    if (value === null) return null;
    const v = value.trim();
    if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
    return window.CSS && CSS.supports('width', v) ? v : null;
  }

  function absolute(value) {
    try {
      return new URL(value, document.baseURI).href;
    } catch (e) {
      return value; // the embed page reports it as not a valid address
    }
  }

  class AivjVisualizer extends HTMLElement {
    static get observedAttributes() {
      return [...PASSED, 'width', 'height'];
    }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      const css = styleSheet();
      if (css) this.shadowRoot.adoptedStyleSheets = [css];
      this.frame = null;
      this.heard = false; // the embed page has reported at least once
      this.startTimer = 0;
      this.reloadQueued = false;
      this.loadedUrl = null;
      this.error = null;
      this.summary = null;
      this.onMessage = this.onMessage.bind(this);
    }

    get state() {
      return this.getAttribute('state');
    }

    connectedCallback() {
      window.addEventListener('message', this.onMessage);
      this.resize();
      this.reload();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onMessage);
      clearTimeout(this.startTimer);
      this.shadowRoot.replaceChildren(); // removing the iframe stops its audio, worker and WebGL
      this.frame = null;
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (!this.isConnected || oldValue === newValue) return;
      if (name === 'width' || name === 'height') {
        this.resize();
      } else if (!this.reloadQueued) {
        // Several attributes set in one go reload once.
        this.reloadQueued = true;
        queueMicrotask(() => {
          this.reloadQueued = false;
          // (An element upgraded in the document reports its attributes here and is loaded by connectedCallback.)
          if (this.isConnected && this.embedUrl() !== this.loadedUrl) this.reload();
        });
      }
    }

    play() {
      this.command('play');
    }

    pause() {
      this.command('pause');
    }

    command(command) {
      if (this.frame && this.frame.contentWindow) {
        this.frame.contentWindow.postMessage({ aivj: 1, type: 'command', command }, EMBED_ORIGIN);
      }
    }

    resize() {
      const fallback = styleSheet() ? null : { width: '480px', height: '270px' };
      for (const dimension of ['width', 'height']) {
        const size = cssSize(this.getAttribute(dimension)) || (fallback && fallback[dimension]);
        if (size) this.style.setProperty(dimension, size);
        else this.style.removeProperty(dimension);
      }
      if (!styleSheet()) this.style.display = this.style.display || 'inline-block';
    }

    embedUrl() {
      const url = new URL(EMBED_URL);
      for (const name of PASSED) {
        const value = this.getAttribute(name);
        if (value === null) continue;
        if (name === 'autoplay' || name === 'controls') {
          url.searchParams.set(name, '1');
        } else if (value.trim() !== '') {
          url.searchParams.set(name, URL_ATTRIBUTES.includes(name) ? absolute(value.trim()) : value);
        }
      }
      return url.href;
    }

    /** A fresh iframe: a new song or new settings start from nothing. */
    reload() {
      clearTimeout(this.startTimer);
      this.heard = false;
      this.error = null;
      this.summary = null;
      this.removeAttribute('playing');
      const frame = document.createElement('iframe');
      frame.title = 'AIVJ music visualizer';
      frame.allow = 'autoplay; fullscreen; microphone'; // microphone: input="mic"
      if (!styleSheet()) Object.assign(frame.style, { display: 'block', width: '100%', height: '100%', border: '0' });
      frame.addEventListener('load', () => {
        if (frame !== this.frame || this.heard) return;
        clearTimeout(this.startTimer);
        this.startTimer = setTimeout(() => {
          if (frame === this.frame && !this.heard) {
            this.fail(`The visualizer did not start: ${EMBED_URL.href} did not answer `
              + '(is the AIVJ server reachable, and does this page allow frames from it?).');
          }
        }, START_TIMEOUT_MS);
      });
      this.loadedUrl = this.embedUrl();
      frame.src = this.loadedUrl;
      this.frame = frame;
      this.shadowRoot.replaceChildren(frame);
      this.setState('loading', {});
    }

    /** An error the embed page cannot report itself (it never started): shown by the element. */
    fail(message) {
      const text = document.createElement('p');
      text.className = 'failed';
      text.setAttribute('role', 'alert');
      text.textContent = message;
      if (!styleSheet()) Object.assign(text.style, { position: 'absolute', margin: '0', padding: '1em', color: '#ffb4a8' });
      this.shadowRoot.append(text);
      this.setState('error', { message });
    }

    onMessage(event) {
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== EMBED_ORIGIN) return;
      const message = event.data;
      if (!message || message.aivj !== 1 || typeof message.type !== 'string') return;
      this.heard = true;
      clearTimeout(this.startTimer);
      if (message.type === 'state' && typeof message.state === 'string') {
        this.setState(message.state, message.detail || {});
      } else if (message.type === 'playing') {
        this.toggleAttribute('playing', !!message.playing);
        this.emit(message.playing ? 'aivj-play' : 'aivj-pause', {});
      }
    }

    setState(state, detail) {
      this.setAttribute('state', state);
      if (state === 'error') {
        this.error = String(detail.message || 'unknown error');
        this.removeAttribute('playing');
        this.emit('aivj-error', { message: this.error });
      } else if (state === 'ready') {
        this.summary = detail;
        this.emit('aivj-ready', detail);
      }
      this.emit('aivj-statechange', { state });
    }

    emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }
  }

  customElements.define(TAG, AivjVisualizer);
})();

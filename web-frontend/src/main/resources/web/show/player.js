// Plays the song's own file through an <audio> element routed into Web Audio, to one output node the visualizers
// listen to (live input joins the same node). The browser decodes as it plays, so the page holds no decoded copy of the song to play it: the one
// full decode is the engine's signal (song/analysis-signal.js).

export class Player {
  constructor(audioContext) {
    this.ctx = audioContext;
    this.output = audioContext.createGain();
    // What reaches the speakers: muted for live input (the room or the tab plays it already; a microphone
    // played back would howl).
    this.speakers = audioContext.createGain();
    this.output.connect(this.speakers).connect(audioContext.destination);
    this.element = new Audio();
    this.element.preload = 'auto';
    audioContext.createMediaElementSource(this.element).connect(this.output);
    this.url = null;
    this.songDuration = 0;
    /** Playing, or asked to play and waiting for the element (play() resolves once the media can play). */
    this.started = false;
    this.onEnded = () => {};
    this.element.addEventListener('ended', () => {
      this.started = false;
      this.onEnded();
    });
  }

  get playing() {
    return this.started;
  }

  get duration() {
    return this.songDuration;
  }

  /** A song is loaded and may play. */
  get loaded() {
    return this.url !== null;
  }

  /** The song's file (a Blob; an encoded file, not samples) and its length in seconds (from the decoded signal). */
  load(file, duration) {
    this.unload();
    this.url = URL.createObjectURL(file);
    this.element.src = this.url;
    this.songDuration = duration;
  }

  unload() {
    this.pause();
    if (this.url !== null) {
      this.element.removeAttribute('src');
      this.element.load(); // drops the old media
      URL.revokeObjectURL(this.url);
      this.url = null;
    }
    this.songDuration = 0;
  }

  /** Whether the output reaches the speakers. */
  monitor(on) {
    this.speakers.gain.value = on ? 1 : 0;
  }

  currentTime() {
    return this.url === null ? 0 : Math.min(Math.max(this.element.currentTime, 0), this.songDuration);
  }

  play() {
    if (this.url === null || this.started) {
      return;
    }
    if (this.element.currentTime >= this.songDuration - 0.05) {
      this.element.currentTime = 0;
    }
    this.started = true;
    this.element.play().catch((e) => {
      if (!this.started) return; // paused before it could start
      console.warn('AIVJ: the song could not play', e);
      this.started = false;
      this.onEnded();
    });
  }

  pause() {
    if (!this.started) {
      return;
    }
    this.started = false;
    this.element.pause();
  }

  seek(seconds) {
    if (this.url !== null) {
      this.element.currentTime = Math.min(Math.max(seconds, 0), this.songDuration);
    }
  }
}

// Recording: the stage as composited (stage/composite-capture.js) with the song as it plays (the player's output
// node into a MediaStreamAudioDestinationNode) to a WebM file through MediaRecorder. While it records, a red dot,
// the time and the file's size so far; Stop offers the file (a download link, and a download at once) named
// after the song.

import { CompositeCapture } from '../stage/composite-capture.js';
import { formatTime } from './format.js';

/** WebM flavours, best first; the first this browser records is used. */
const TYPES = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'];

/** "My Song (live).mp3" → "My Song (live) – AIVJ.webm"; characters file systems refuse become "_". */
export function recordingName(songName) {
  const base = String(songName || 'aivj').replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim() || 'aivj';
  return `${base} – AIVJ.webm`;
}

function formatSize(bytes) {
  return bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

export class Recorder {
  /**
   * @param {{button: HTMLButtonElement, indicator: HTMLElement, time: HTMLElement, size: HTMLElement,
   *   link: HTMLAnchorElement}} parts
   * @param {import('../show/show.js').Show} show
   * @param {() => string} songName the song playing now (the file's name)
   * @param {(message: string) => void} notice
   */
  constructor(parts, show, songName, notice) {
    Object.assign(this, parts);
    this.show = show;
    this.songName = songName;
    this.notice = notice;
    this.recorder = null;
    this.bytes = 0;
    this.startedAt = 0;
    /** The last file: {url, name, bytes, seconds, type}, or null. */
    this.last = null;
    this.button.addEventListener('click', () => this.toggle());
  }

  get recording() {
    return this.recorder !== null;
  }

  /** Seconds recorded so far (0 when not recording). */
  get elapsed() {
    return this.recording ? (performance.now() - this.startedAt) / 1000 : 0;
  }

  toggle() {
    if (this.recording) this.stop();
    else this.start();
  }

  /** Why nothing can be recorded now, or null. */
  unavailableReason() {
    if (typeof MediaRecorder === 'undefined') return 'this browser has no MediaRecorder';
    if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return 'this browser cannot stream a canvas';
    if (!this.show.stage.layers) return 'the visuals are not running yet: drop a song first';
    if (!TYPES.some((t) => MediaRecorder.isTypeSupported(t))) return 'this browser records no WebM';
    return null;
  }

  start() {
    const reason = this.unavailableReason();
    if (reason) {
      this.notice(`Nothing was recorded: ${reason}.`);
      return;
    }
    try {
      this.capture = new CompositeCapture(this.show.stage);
      const ctx = this.show.audio();
      this.audioOut = ctx.createMediaStreamDestination();
      this.show.player.output.connect(this.audioOut);
      const stream = new MediaStream([...this.capture.stream.getVideoTracks(), ...this.audioOut.stream.getAudioTracks()]);
      const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
      const chunks = [];
      const name = recordingName(this.songName());
      recorder.addEventListener('dataavailable', (e) => {
        if (e.data && e.data.size) {
          chunks.push(e.data);
          this.bytes += e.data.size;
          this.showProgress();
        }
      });
      recorder.addEventListener('stop', () => this.finish(chunks, mimeType, name));
      recorder.addEventListener('error', (e) => {
        this.notice(`The recording failed (${e.error ? e.error.message : 'MediaRecorder error'}); what was recorded is kept.`);
        if (this.recording) this.stop();
      });
      this.bytes = 0;
      recorder.start(500); // a chunk each half second: the size shown grows as it records
      this.recorder = recorder;
      this.startedAt = performance.now();
      if (this.last) URL.revokeObjectURL(this.last.url);
      this.last = null;
      this.link.hidden = true;
      this.indicator.hidden = false;
      this.button.textContent = '■ Stop recording';
      this.button.setAttribute('aria-pressed', 'true');
      this.timer = setInterval(() => this.showProgress(), 250);
      this.showProgress();
    } catch (e) {
      this.release();
      this.notice(`The recording could not start (${e && e.message ? e.message : e}); the show goes on.`);
    }
  }

  stop() {
    if (!this.recording) return;
    this.seconds = this.elapsed;
    const recorder = this.recorder;
    this.recorder = null;
    if (recorder.state !== 'inactive') recorder.stop(); // its 'stop' event brings the file
    this.release();
    this.indicator.hidden = true;
    this.button.textContent = '● Record';
    this.button.setAttribute('aria-pressed', 'false');
  }

  /** Lets go of the stream: the capture's canvas and the audio tap. */
  release() {
    clearInterval(this.timer);
    if (this.capture) this.capture.stop();
    if (this.audioOut) {
      try { this.show.player.output.disconnect(this.audioOut); } catch (e) { /* not connected */ }
    }
    this.capture = null;
    this.audioOut = null;
  }

  finish(chunks, type, name) {
    const blob = new Blob(chunks, { type: type.split(';')[0] });
    const url = URL.createObjectURL(blob);
    this.last = { url, name, bytes: blob.size, seconds: this.seconds, type };
    this.link.href = url;
    this.link.download = name;
    this.link.textContent = `⬇ ${name} (${formatSize(blob.size)}, ${formatTime(this.seconds)})`;
    this.link.hidden = false;
    this.link.click(); // the download starts at once; the link stays for another copy
  }

  showProgress() {
    this.time.textContent = formatTime(this.elapsed);
    this.size.textContent = formatSize(this.bytes);
  }
}

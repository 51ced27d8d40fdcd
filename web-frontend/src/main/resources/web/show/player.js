// Plays a decoded AudioBuffer through one output node that the visualizers listen to.

export class Player {
  constructor(audioContext) {
    this.ctx = audioContext;
    this.output = audioContext.createGain();
    this.output.connect(audioContext.destination);
    this.buffer = null;
    this.source = null;
    this.offset = 0;      // song time when paused
    this.startedAt = 0;   // context time at which song time 0 would have played
    this.onEnded = () => {};
  }

  get playing() {
    return this.source !== null;
  }

  get duration() {
    return this.buffer ? this.buffer.duration : 0;
  }

  load(buffer) {
    this.stop();
    this.buffer = buffer;
    this.offset = 0;
  }

  unload() {
    this.stop();
    this.buffer = null;
    this.offset = 0;
  }

  currentTime() {
    if (!this.buffer) {
      return 0;
    }
    const t = this.playing ? this.ctx.currentTime - this.startedAt : this.offset;
    return Math.min(Math.max(t, 0), this.buffer.duration);
  }

  play() {
    if (!this.buffer || this.playing) {
      return;
    }
    if (this.offset >= this.buffer.duration - 0.05) {
      this.offset = 0;
    }
    const source = this.ctx.createBufferSource();
    source.buffer = this.buffer;
    source.connect(this.output);
    source.onended = () => {
      if (this.source === source) {
        this.source = null;
        this.offset = 0;
        this.onEnded();
      }
    };
    this.startedAt = this.ctx.currentTime - this.offset;
    source.start(0, this.offset);
    this.source = source;
  }

  pause() {
    if (!this.playing) {
      return;
    }
    this.offset = this.currentTime();
    this.stopSource();
  }

  stop() {
    this.stopSource();
    this.offset = 0;
  }

  seek(seconds) {
    const wasPlaying = this.playing;
    this.stopSource();
    this.offset = Math.min(Math.max(seconds, 0), this.duration);
    if (wasPlaying) {
      this.play();
    }
  }

  stopSource() {
    const source = this.source;
    if (source) {
      this.source = null;
      source.onended = null;
      try {
        source.stop();
      } catch (e) {
        // already stopped
      }
      source.disconnect();
    }
  }
}

// An AnalyserNode on the audio the user hears. Layers read it once per frame: projectM gets the newest
// samples as PCM (feedPcm), butterchurn connects its own analysers to `node` (connectAudio).

const WINDOW = 2048; // projectM's PCM buffer length

export class AudioTap {
  /**
   * @param {AudioContext} audioContext
   * @param {AudioNode} source the node whose output is heard (e.g. the player's output gain); null = silence
   */
  constructor(audioContext, source) {
    this.context = audioContext;
    this.source = source;
    this.analyser = audioContext.createAnalyser();
    this.analyser.fftSize = WINDOW;
    this.analyser.smoothingTimeConstant = 0;
    if (source) source.connect(this.analyser);
    this.window = new Float32Array(WINDOW);
    this.readAt = -1;
  }

  /** The node butterchurn listens to. */
  get node() {
    return this.source || this.analyser;
  }

  get sampleRate() {
    return this.context.sampleRate;
  }

  /** The newest WINDOW samples (mono), read at most once per audio-clock tick and shared by all layers. */
  samples() {
    const now = this.context.currentTime;
    if (now !== this.readAt) {
      this.analyser.getFloatTimeDomainData(this.window);
      this.readAt = now;
    }
    return this.window;
  }

  /**
   * The samples a reader has not seen yet (the tail of the window), given the audio time it last read at.
   * @returns {{samples: Float32Array, time: number}}
   */
  samplesSince(lastTime) {
    const all = this.samples();
    const now = this.context.currentTime;
    let fresh = lastTime < 0 ? all.length : Math.round((now - lastTime) * this.sampleRate);
    fresh = Math.min(Math.max(fresh, 0), all.length);
    return { samples: all.subarray(all.length - fresh), time: now };
  }

  disconnect() {
    if (this.source) {
      try { this.source.disconnect(this.analyser); } catch (e) { /* already */ }
    }
  }
}

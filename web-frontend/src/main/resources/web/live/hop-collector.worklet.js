// AudioWorklet: mixes the live input down to mono and posts it in hops of `hop` samples (the engine's live show
// takes 0.5 s at its own rate; the capture context runs at that rate, so no resampling happens here).

class HopCollector extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.hop = options.processorOptions.hop;
    this.buffer = new Float32Array(this.hop);
    this.filled = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true; // no input yet (or the track ended): keep running
    const frames = channels[0].length;
    for (let i = 0; i < frames; i++) {
      let sum = 0;
      for (let c = 0; c < channels.length; c++) sum += channels[c][i];
      this.buffer[this.filled++] = sum / channels.length;
      if (this.filled === this.hop) {
        this.port.postMessage(this.buffer, [this.buffer.buffer]);
        this.buffer = new Float32Array(this.hop);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('aivj-hop-collector', HopCollector);

// Live audio in: a MediaStream (microphone, line-in, a tab's audio) captured at the engine's rate, mono, in hops
// for the engine's live show. Its own AudioContext runs at that rate, so the browser resamples the stream.

const WORKLET_URL = new URL('./hop-collector.worklet.js', import.meta.url);

export class LiveCapture {
  /**
   * @param {MediaStream} stream
   * @param {number} rate the engine's analysis rate
   * @param {number} hopSeconds how much audio each hop holds
   * @param {(pcm: Float32Array, capturedAt: number) => void} onHop capturedAt: performance.now() on arrival
   */
  constructor(stream, rate, hopSeconds, onHop) {
    this.stream = stream;
    this.rate = rate;
    this.hop = Math.round(rate * hopSeconds);
    this.onHop = onHop;
    this.context = null;
    this.node = null;
  }

  /** Starts capturing; rejects with a message when the browser cannot. */
  async start() {
    if (this.stream.getAudioTracks().length === 0) {
      throw new Error('the chosen source has no audio track (for a tab, tick "Share tab audio")');
    }
    this.context = new AudioContext({ sampleRate: this.rate });
    await this.context.audioWorklet.addModule(WORKLET_URL);
    const source = this.context.createMediaStreamSource(this.stream);
    this.node = new AudioWorkletNode(this.context, 'aivj-hop-collector', {
      numberOfInputs: 1, numberOfOutputs: 0, processorOptions: { hop: this.hop },
    });
    this.node.port.onmessage = (e) => this.onHop(e.data, performance.now());
    source.connect(this.node);
    if (this.context.state === 'suspended') await this.context.resume();
  }

  /** Stops capturing and releases the input (the microphone light goes off). */
  stop() {
    if (this.node) this.node.port.onmessage = null;
    if (this.context) this.context.close().catch(() => {});
    for (const track of this.stream.getTracks()) track.stop();
    this.context = null;
    this.node = null;
  }
}

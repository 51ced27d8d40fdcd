// The browser's side of federated learning. It fetches the federation's global prior (GET /federated/prior; 404:
// this server runs no federation, and nothing is ever sent) and, after every EVERY signals the viewer taught,
// sends one preference update (POST /federated/updates): how far their preference moved from that prior, clipped
// to L2 norm CLIP, with Gaussian noise when the site asks for it — computed by the engine (engine-core
// PreferenceUpdate), exactly {"format", "priorVersion", "delta"}. No signal, pair, style, time or id leaves.
// A 409 answer means the prior moved on: the newer one is fetched and the viewer's preference starts from it.

const PRIOR_URL = '/federated/prior';
const UPDATES_URL = '/federated/updates';
export const EVERY = 10;
export const CLIP = 1;

export class FederationClient {
  /**
   * @param {import('../show/show.js').Show} show
   * @param {{noise?: number, every?: number}} [options] noise: the Gaussian noise multiplier (0 = none)
   */
  constructor(show, { noise = 0, every = EVERY } = {}) {
    this.show = show;
    this.noise = noise;
    this.every = every;
    this.enabled = false;
    this.sinceSent = 0;
    this.sent = 0;
    /** The last problem, or null. */
    this.problem = null;
  }

  /** The global prior's JSON text, or null without a federation (or when it cannot be reached). */
  async prior() {
    try {
      const response = await fetch(PRIOR_URL, { cache: 'no-store' });
      const text = await response.text(); // read even when refused: an unread body keeps the request open
      this.enabled = response.ok;
      return response.ok ? text : null;
    } catch (e) {
      this.problem = `the federation could not be reached (${e.message})`;
      return null;
    }
  }

  /** One more signal was taught: every EVERY of them, an update goes out. */
  async taught() {
    if (!this.enabled || ++this.sinceSent < this.every) return;
    this.sinceSent = 0;
    await this.send();
  }

  async send() {
    const seed = (Math.random() * 0x7fffffff) | 0;
    const update = await this.show.client.viewerRequest('update', { clip: CLIP, noise: this.noise, seed });
    const response = await fetch(UPDATES_URL, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(update),
    });
    const answer = await response.text();
    if (response.status === 409) {
      const prior = await this.prior();
      if (prior) this.show.setViewer({ ...this.show.client.viewer, prior });
      return;
    }
    if (!response.ok) {
      this.problem = `the federation refused an update (${response.status}: ${answer.trim()})`;
      return;
    }
    this.sent++;
  }
}

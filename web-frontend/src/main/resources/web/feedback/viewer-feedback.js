// The page's learning from its viewer, wired once by app.js: the installation's A/B arm, the preference kept in
// IndexedDB, the federation's prior, the recorder of signals, the rating bar and the "why this pair" view.

import { FederationClient } from './federation-client.js';
import { FeedbackRecorder } from './feedback-recorder.js';
import { FeedbackStore } from './feedback-store.js';
import { installation } from './installation.js';
import { RatingBar } from '../ui/rating-bar.js';
import { WhyPairView } from '../ui/why-pair-view.js';

/**
 * @param {(id: string) => HTMLElement} $
 * @param {import('../show/show.js').Show} show
 * @param {(message: string) => void} notice
 */
export function installFeedback($, show, notice) {
  const store = new FeedbackStore();
  const viewer = installation();
  const federation = new FederationClient(show);
  const recorder = new FeedbackRecorder({ show, store, installation: viewer });
  const ratingBar = new RatingBar($, recorder);
  let prior = null;
  const why = new WhyPairView($, {
    show,
    recorder,
    reset: async () => {
      await store.remove('preference');
      show.setViewer({ arm: viewer.arm, preference: null, prior });
    },
    download: async () => downloadLog(await store.events()),
  });
  show.addEventListener('pair', (e) => { if (e.detail.reason !== 'lock') ratingBar.clear(); });
  recorder.addEventListener('learned', () => federation.taught().catch((e) => {
    federation.problem = `an update was not sent (${e.message})`;
  }));
  recorder.addEventListener('problem', (e) => notice(e.detail.message));
  const ready = (async () => {
    const [preference, priorJson] = await Promise.all([store.get('preference'), federation.prior()]);
    prior = priorJson;
    show.setViewer({ arm: viewer.arm, preference: preference || null, prior });
    if (store.problem) notice(`Feedback: ${store.problem}.`);
    await why.refresh();
  })();
  return { store, installation: viewer, federation, recorder, ratingBar, why, ready };
}

/** The viewer's own log as a JSON Lines file (./aivj ab-report reads it). */
function downloadLog(events) {
  const blob = new Blob(events.map((e) => `${JSON.stringify(e)}\n`), { type: 'application/x-ndjson' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'aivj-feedback-log.jsonl';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// Learning from the viewer, wired once by the page (app.js, with the rating bar and "why this pair") and by the
// widget (widget/embed.js, thumbs in its control bar): the installation's A/B arm, the preference kept in
// IndexedDB, the federation's prior and the recorder of signals.

import { FederationClient } from './federation-client.js';
import { FeedbackRecorder } from './feedback-recorder.js';
import { FeedbackStore } from './feedback-store.js';
import { installation } from './installation.js';
import { RatingBar } from '../ui/rating-bar.js';
import { WhyPairView } from '../ui/why-pair-view.js';

/**
 * The learning itself, without any view (the page and the widget both run it): the arm, the stored preference and
 * the federation's prior handed to the engine, signals recorded, taught and sent on as federated updates.
 * @param {import('../show/show.js').Show} show
 * @param {(message: string) => void} notice
 */
export function startLearning(show, notice) {
  const store = new FeedbackStore();
  // The arm is known once the server said whether it runs an A/B test: until then, the learned arm's.
  const viewer = installation();
  const federation = new FederationClient(show);
  const recorder = new FeedbackRecorder({ show, store, installation: viewer });
  let prior = null;
  recorder.addEventListener('learned', () => federation.taught().catch((e) => {
    federation.problem = `an update was not sent (${e.message})`;
  }));
  recorder.addEventListener('problem', (e) => notice(e.detail.message));
  // A stored preference the engine refuses (damaged, or from an engine with other features) is dropped, said, and
  // learning starts again from the prior; the arm stays.
  show.client.onViewerError = (message) => {
    const { viewer: sent } = show.client;
    if (!sent || sent.preference === null) {
      notice(`How pairs are picked could not be set (${message}); the recommender picks alone.`);
      return;
    }
    notice(`Your learned taste could not be used (${message}); learning starts again.`);
    store.remove('preference').catch(() => {});
    show.setViewer({ ...sent, preference: null });
  };
  const ready = (async () => {
    const [preference, priorJson, abTest] = await Promise.all([store.get('preference'), federation.prior(),
      experimentRunning()]);
    prior = priorJson;
    Object.assign(viewer, installation({ abTest }));
    show.setViewer({ arm: viewer.arm, preference: preference || null, prior });
    if (store.problem) notice(`Feedback: ${store.problem}.`);
  })();
  return {
    store,
    installation: viewer,
    federation,
    recorder,
    ready,
    /** Forgets the learned preference (the viewer's log stays theirs); the engine starts again from the prior. */
    reset: async () => {
      await store.remove('preference');
      show.setViewer({ arm: viewer.arm, preference: null, prior });
    },
    download: async () => downloadLog(await store.events()),
  };
}

/**
 * The page's learning with its views: the rating bar and "why this pair".
 * @param {(id: string) => HTMLElement} $
 * @param {import('../show/show.js').Show} show
 * @param {(message: string) => void} notice
 */
export function installFeedback($, show, notice) {
  const learning = startLearning(show, notice);
  const ratingBar = new RatingBar($, learning.recorder);
  const why = new WhyPairView($, { show, recorder: learning.recorder, reset: learning.reset,
    download: learning.download });
  show.addEventListener('pair', (e) => { if (e.detail.reason !== 'lock') ratingBar.clear(); });
  learning.ready.then(() => why.refresh());
  return { ...learning, ratingBar, why };
}

/** Whether the server runs the A/B test of pick policies (/experiment.json); false when it cannot say. */
async function experimentRunning() {
  try {
    const response = await fetch('/experiment.json', { cache: 'no-store' });
    const body = await response.text(); // read even when refused: an unread body keeps the request open
    return response.ok && JSON.parse(body).abTest === true;
  } catch (e) {
    return false;
  }
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

// Posts a song's timings (song-timings.js) to the server that served the page, which keeps them as Prometheus
// metrics and judges the served model's live latency by them (dev.aivj.web.metrics.ReportHandler). A failed post
// changes nothing for the viewer.

export const REPORT_URL = '/metrics/report';

/** The answer's status is kept for tests and the console: {status, message} of the last post. */
export const lastPost = { status: null, message: '' };

export async function postTimings(report) {
  try {
    const response = await fetch(REPORT_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(report),
      keepalive: true,
    });
    lastPost.status = response.status;
    lastPost.message = response.ok ? '' : await response.text();
    if (!response.ok) console.debug(`AIVJ: the server refused the timings report (${response.status}): ${lastPost.message}`);
  } catch (e) {
    lastPost.status = 0;
    lastPost.message = String(e && e.message ? e.message : e);
  }
}

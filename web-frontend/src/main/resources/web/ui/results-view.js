// The page's analysis panel: tempo, song, duration, beats, engine version, the feature plot and the style
// timeline with their playheads (a click seeks), and the style now.

import { finiteSeries, segmentsOf } from '../show/analysis-parts.js';
import { FeaturePlot } from './feature-plot.js';
import { formatTime } from './format.js';
import { StyleTimeline, noStyleText } from './style-timeline.js';

export class ResultsView {
  /** @param {(id: string) => HTMLElement} $ @param {(seconds: number) => void} onSeek */
  constructor($, onSeek) {
    this.tempo = $('tempo-bpm');
    this.confidence = $('tempo-confidence');
    this.songName = $('song-name');
    this.duration = $('duration');
    this.beats = $('beat-count');
    this.engine = $('engine-version');
    this.styleLabel = $('style-label');
    this.styleConfidence = $('style-confidence');
    this.styleNow = $('style-now');
    this.plot = new FeaturePlot($('feature-plot'));
    this.timeline = new StyleTimeline($('style-plot'));
    for (const view of [this.plot, this.timeline]) {
      view.canvas.addEventListener('click', (event) => {
        const t = view.timeAt(event.clientX);
        if (t !== null) onSeek(t);
      });
    }
  }

  clear() {
    this.tempo.textContent = '–';
    this.confidence.textContent = '';
    this.songName.textContent = '–';
    this.duration.textContent = '–';
    this.beats.textContent = '–';
    this.plot.drawEmpty('Drop a song to see its energy and onsets here.');
    this.styleLabel.textContent = '–';
    this.styleConfidence.textContent = '';
    this.styleNow.textContent = '–';
    this.timeline.drawEmpty('Style timeline: appears when the music model is loaded.');
  }

  show(fileName, { analysis, engineVersion }, decodedSeconds) {
    const tempo = analysis.tempo && typeof analysis.tempo === 'object' ? analysis.tempo : {};
    const bpm = Number(tempo.bpm);
    const confidence = Number(tempo.confidence);
    this.tempo.textContent = Number.isFinite(bpm) && bpm > 0 ? bpm.toFixed(1) : '–';
    if (Number.isFinite(confidence)) {
      this.confidence.textContent = confidence >= 0 && confidence <= 1
        ? `(confidence ${Math.round(confidence * 100)} %)` : `(confidence ${confidence.toFixed(2)})`;
    } else {
      this.confidence.textContent = '';
    }
    const duration = Number(analysis.durationSeconds);
    this.songName.textContent = fileName;
    this.songName.title = fileName;
    this.duration.textContent = formatTime(Number.isFinite(duration) && duration > 0 ? duration : decodedSeconds);
    this.beats.textContent = String(finiteSeries(analysis.beats).length);
    this.engine.textContent = engineVersion
      || (analysis.engineVersion != null ? String(analysis.engineVersion) : '–');
    this.plot.setAnalysis(analysis, decodedSeconds);
    this.showStyle(analysis, decodedSeconds);
  }

  showStyle(analysis, decodedSeconds) {
    const style = analysis.style && typeof analysis.style === 'object' ? analysis.style : null;
    const segments = segmentsOf(analysis);
    this.timeline.setAnalysis(analysis, decodedSeconds);
    if (style && style.label === 'none') {
      // Silence: the engine gives no style, only its reason (never a percentage).
      this.styleLabel.textContent = noStyleText(style.reason);
      this.styleConfidence.textContent = '';
    } else if (style && typeof style.label === 'string') {
      this.styleLabel.textContent = style.label;
      const c = Number(style.confidence);
      this.styleConfidence.textContent = Number.isFinite(c)
        ? `(${Math.round(c * 100)} %, ${segments.length} segments)` : '';
    } else {
      this.styleLabel.textContent = '–';
      this.styleConfidence.textContent = '';
    }
  }

  /** The playheads at `seconds`, and the segment playing then (null: none). */
  draw(seconds, segment) {
    this.plot.draw(seconds);
    this.timeline.draw(seconds);
    if (!segment) {
      this.styleNow.textContent = '–';
      return;
    }
    const c = Math.round((Number(segment.confidence) || 0) * 100);
    const text = segment.style === 'none' ? noStyleText(segment.reason) : `${segment.style} (${c} %)`;
    if (this.styleNow.textContent !== text) this.styleNow.textContent = text;
  }
}

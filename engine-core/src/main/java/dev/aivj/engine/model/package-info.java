/**
 * The music-style model's inference in pure Java (TeaVM-safe: no I/O, threads or reflection).
 *
 * <h2>Architecture {@code aivj-conv-lstm-v1}</h2>
 * <pre>
 *  log-mel [T × 64] (dB, from AudioAnalyzer; 43.07 frames/s)
 *   → normalise per band: (x − mean[b]) / std[b]        (training-set statistics, bundle tensors input.*)
 *   → optional max-pool of the input over time, 2       (the shipped network: it then runs at 21.5 frames/s)
 *   → conv1: causal Conv1d 64→16, kernel 3, + BatchNorm (folded into weight/bias at export) + ReLU
 *   → max-pool over time, 2
 *   → conv2: causal Conv1d 16→32, kernel 3, + BatchNorm (folded) + ReLU
 *   → max-pool over time, 2                              (one step = 8 frames = 185.8 ms)
 *   → LSTM, hidden 32, one layer, gates i f g o (PyTorch order), b = b_ih + b_hh
 *   → per step, two heads on h:
 *        style  = softmax(Dense 32→N)        N labels from the bundle (edm, classical, rock, ...)
 *        visual = sigmoid(Dense 32→9)        the list in {@link dev.aivj.engine.model.VisualParameters}
 * </pre>
 * The default sizes ({@link dev.aivj.engine.model.MusicModelSpec#defaults}) hold about 13.6k float32 values
 * (~54 KB); the manifest's {@code model} object carries the actual sizes, so other sizes load without code
 * changes. Convolutions are causal (left zero padding in normalised units) and pooling drops a trailing partial
 * window, so the network is causal: {@link dev.aivj.engine.model.MusicModelStream} carries the conv left
 * context, partial pool windows (the input's too) and LSTM state across chunks, and chunked runs equal whole-song runs.
 *
 * <h2>Bundle</h2>
 * {@code manifest.json} (formatVersion 1, tensors with shape/offset, weightsBytes, sha256 of weights.bin, and
 * {@code model}: architecture, front-end settings that must equal {@link dev.aivj.engine.AnalysisSettings},
 * layers, heads, labels, visual parameters) + {@code weights.bin} (little-endian float32). Written by
 * model-export; checked by {@link dev.aivj.engine.model.ModelBundle#load} and
 * {@link dev.aivj.engine.model.MusicModel#fromBundle}.
 */
package dev.aivj.engine.model;

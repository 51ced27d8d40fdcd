/* The engine's music network (aivj-conv-lstm-v1, engine-core dev.aivj.engine.model) rebuilt in TensorFlow.js
 * layers from OUR bundle (models/music-v1/manifest.json + weights.bin), for `aivj bench` only.
 *
 * Mapping from the bundle's PyTorch layouts to tfjs (Keras) layouts:
 *   input        (logMelDb − mean[band]) / std[band]              (MelNormalizer)
 *   conv1d       torch [out][in][k] → kernel [k][in][out]; causal: k−1 zero frames before the first frame in
 *                normalised units (Conv1d), then a 'valid' conv; batch norm is already folded; ReLU
 *   maxpool1d    window = stride = size, trailing partial window dropped ('valid', like floor mode)
 *   lstm         torch weightIh [4h][in] → kernel [in][4h]; weightHh [4h][h] → recurrentKernel [h][4h]; one
 *                summed bias [4h]; gate order i, f, g, o is Keras' i, f, c, o; recurrentActivation must be
 *                'sigmoid' (tfjs defaults to hardSigmoid)
 *   heads        dense torch [out][in] → kernel [in][out]; style softmax, visual sigmoid, per step
 */
'use strict';

const AivjTfjsModel = (() => {
  /** The bundle's tensors as {shape, data: Float32Array} by name. */
  function tensors(manifest, weights) {
    const byName = {};
    for (const t of manifest.tensors) {
      const size = t.shape.reduce((a, b) => a * b, 1);
      byName[t.name] = { shape: t.shape, data: new Float32Array(weights.slice(t.offset, t.offset + 4 * size)) };
    }
    return (name) => {
      if (!byName[name]) {
        throw new Error('the bundle has no tensor ' + name);
      }
      return byName[name];
    };
  }

  /** Row-major [rows][cols] → [cols][rows]. */
  function transpose(data, rows, cols) {
    const out = new Float32Array(data.length);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        out[c * rows + r] = data[r * cols + c];
      }
    }
    return out;
  }

  /** torch conv weight [out][in][k] → tfjs [k][in][out]. */
  function convKernel(data, out, inCh, k) {
    const res = new Float32Array(data.length);
    for (let o = 0; o < out; o++) {
      for (let c = 0; c < inCh; c++) {
        for (let j = 0; j < k; j++) {
          res[(j * inCh + c) * out + o] = data[(o * inCh + c) * k + j];
        }
      }
    }
    return res;
  }

  function build(tf, manifest, weights) {
    const spec = manifest.model;
    const t = tensors(manifest, weights);
    const bands = spec.frontEnd.melBands;
    const input = tf.input({ shape: [null, bands] });
    const assign = []; // [layer, [Float32Array, shape]...] set once the layers are built
    let x = input;
    for (const layer of spec.layers) {
      if (layer.type === 'conv1d') {
        // tfjs layers have no causal conv1d (conv1dWithBias refuses it) and no ZeroPadding1D: pad k−1 zero
        // frames in front through a [T, 1, C] view and ZeroPadding2D, then a 'valid' conv.
        const channels = x.shape[x.shape.length - 1];
        x = tf.layers.reshape({ targetShape: [-1, 1, channels] }).apply(x);
        x = tf.layers.zeroPadding2d({ padding: [[layer.kernel - 1, 0], [0, 0]] }).apply(x);
        x = tf.layers.reshape({ targetShape: [-1, channels] }).apply(x);
        const conv = tf.layers.conv1d({
          filters: layer.out, kernelSize: layer.kernel, padding: 'valid', activation: 'relu', name: layer.name,
        });
        x = conv.apply(x);
        assign.push([conv, [convKernel(t(layer.weight).data, layer.out, layer.in, layer.kernel),
          [layer.kernel, layer.in, layer.out]], [t(layer.bias).data, [layer.out]]]);
      } else if (layer.type === 'maxpool1d') {
        x = tf.layers.maxPooling1d({ poolSize: layer.size, strides: layer.size, padding: 'valid' }).apply(x);
      } else if (layer.type === 'lstm') {
        if (layer.gateOrder !== 'ifgo') {
          throw new Error('unsupported LSTM gate order ' + layer.gateOrder);
        }
        const h = layer.hidden;
        const lstm = tf.layers.lstm({
          units: h, returnSequences: true, activation: 'tanh', recurrentActivation: 'sigmoid',
          unitForgetBias: false, name: 'lstm',
        });
        x = lstm.apply(x);
        assign.push([lstm, [transpose(t(layer.weightIh).data, 4 * h, layer.in), [layer.in, 4 * h]],
          [transpose(t(layer.weightHh).data, 4 * h, h), [h, 4 * h]], [t(layer.bias).data, [4 * h]]]);
      } else {
        throw new Error('unsupported layer type ' + layer.type);
      }
    }
    const hidden = x.shape[x.shape.length - 1];
    const outputs = spec.heads.map((head) => {
      const dense = tf.layers.dense({ units: head.out, activation: head.activation, name: head.name });
      const y = dense.apply(x);
      assign.push([dense, [transpose(t(head.weight).data, head.out, hidden), [hidden, head.out]],
        [t(head.bias).data, [head.out]]]);
      return y;
    });
    const model = tf.model({ inputs: input, outputs });
    for (const [layer, ...values] of assign) {
      const ts = values.map(([data, shape]) => tf.tensor(data, shape));
      layer.setWeights(ts);
      ts.forEach((v) => v.dispose());
    }
    const mean = tf.tensor1d(t(spec.input.mean).data);
    const std = tf.tensor1d(t(spec.input.std).data);
    const headIndex = (name) => spec.heads.findIndex((head) => head.name === name);

    return {
      /** Per-step outputs for `frames` frame-major log-mel frames: {style, visual} as Float32Arrays. */
      async predict(logMel, frames) {
        const outs = tf.tidy(() => {
          const normalised = tf.tensor3d(logMel, [1, frames, bands]).sub(mean).div(std);
          return model.predict(normalised);
        });
        const data = await Promise.all(outs.map((o) => o.data()));
        outs.forEach((o) => o.dispose());
        return { style: data[headIndex('style')], visual: data[headIndex('visual')] };
      },
      dispose() {
        model.dispose();
        mean.dispose();
        std.dispose();
      },
    };
  }

  return { build };
})();

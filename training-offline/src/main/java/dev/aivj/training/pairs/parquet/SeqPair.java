package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PresetPair;

/** A pair row with its position in the collection written ({@link PairSchema}'s {@code seq}). */
record SeqPair(int seq, PresetPair pair) {
}

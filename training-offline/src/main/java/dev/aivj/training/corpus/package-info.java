/**
 * The labelled music corpus: a committed manifest ({@code corpus/music-manifest.csv}) of freely
 * licensed tracks from Debian packages, each with a style label, the evidence for it and a fixed
 * train/validation/test split. {@link dev.aivj.training.corpus.ManifestReader} validates it,
 * {@link dev.aivj.training.corpus.CorpusSummary} tabulates it, and
 * {@link dev.aivj.training.corpus.CorpusSummaryMain} is the {@code ./aivj corpus summary} command.
 * The audio itself lives in the cache that {@code scripts/fetch-corpus.sh} fills; nothing here reads it.
 */
package dev.aivj.training.corpus;

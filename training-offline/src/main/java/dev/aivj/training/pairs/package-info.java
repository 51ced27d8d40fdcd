/**
 * Importers and writers for the retraining team's preset-pair data (see shared/DATA-FORMATS.md).
 *
 * <p>Readers of the team's own data ({@link dev.aivj.training.pairs.EliteManifestReader},
 * {@link dev.aivj.training.pairs.RefineryScanner}, {@link dev.aivj.training.pairs.DeepAlchemyReader}) are tolerant:
 * they accept the obvious field spellings, keep every row they can read, and put every row they cannot read into
 * an {@link dev.aivj.training.pairs.ImportReport} with file, line and reason. Nothing is dropped silently.
 *
 * <p>Readers and writers of the web player's runtime contract ({@code pairs-manifest.json},
 * {@code pairs-quality.v0.json}) are strict: a malformed file is an exception naming file and line, and the
 * writers produce the team's exact field names and order.
 */
package dev.aivj.training.pairs;

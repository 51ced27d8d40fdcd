/**
 * The retraining team's own packs of new presets, read as they lie on disk: which of the team's layouts a folder is
 * ({@link dev.aivj.training.pack.PackLayout}), its pairs ({@link dev.aivj.training.pack.PackReader}, through the
 * tolerant importers of {@code dev.aivj.training.pairs}), each preset file resolved inside the pack
 * ({@link dev.aivj.training.pack.PackPresetResolver}) and checked as text ({@link dev.aivj.training.pack.PresetFileCheck}),
 * and what {@code ./aivj import-pack} keeps with the pack ({@link dev.aivj.training.pack.PackFolder},
 * {@link dev.aivj.training.pack.PackPresets}, {@link dev.aivj.training.pack.PackVectors}).
 */
package dev.aivj.training.pack;

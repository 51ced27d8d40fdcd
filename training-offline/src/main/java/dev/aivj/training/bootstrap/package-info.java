/**
 * The bootstrap pair set: generated stand-in data for the team's scored pairs, until theirs arrives.
 *
 * <p>Random pairs of measured presets are composited ({@link PairCompositor}: foreground over background, as the
 * page stacks its layers, from the frames each preset rendered on the same reference audio), the composite is
 * measured ({@link CompositeLook}) and scored 0..5 by a documented function ({@link BootstrapScore}); the pairs
 * are ranked and the best become the bootstrap elite set ({@link BootstrapPairs}). Every file written says it is
 * bootstrap data.
 */
package dev.aivj.training.bootstrap;

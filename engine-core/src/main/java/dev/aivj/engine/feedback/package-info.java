/**
 * Learning from the people who watch, on their device: the features a pair has in a section's context
 * ({@link dev.aivj.engine.feedback.PairFeatures}), the rewards the viewer's signals give
 * ({@link dev.aivj.engine.feedback.FeedbackSignal}), the viewer's preference as a ridge-regression contextual bandit
 * (LinUCB, {@link dev.aivj.engine.feedback.ViewerPreference}) that re-ranks the recommender's candidates
 * ({@link dev.aivj.engine.feedback.PreferenceReranker}), the arms an A/B test compares
 * ({@link dev.aivj.engine.feedback.PickPolicy}) and newliveweb's quality-weighted random pick it is compared with
 * ({@link dev.aivj.engine.feedback.QualityWeightedPick}). The same code runs in the page (Wasm) and in the offline
 * simulation.
 */
package dev.aivj.engine.feedback;

/**
 * Learning from the people who watch, offline: the SIMULATION of viewers with known tastes
 * ({@link dev.aivj.training.feedback.ViewerArchetype}, {@link dev.aivj.training.feedback.SimulatedViewer},
 * {@link dev.aivj.training.feedback.ViewerReaction}, {@link dev.aivj.training.feedback.SimulatedSongs}) watching
 * through the real recommender and bandit ({@link dev.aivj.training.feedback.FeedbackSimulation},
 * {@code ./aivj simulate-feedback}); the A/B report and gate over feedback logs
 * ({@link dev.aivj.training.feedback.FeedbackLogReader}, {@link dev.aivj.training.feedback.AbReport},
 * {@code ./aivj ab-report}); and the coupling model's fine-tuning from the federation's aggregated preference
 * ({@link dev.aivj.training.feedback.FeedbackTargets}, {@code ./aivj train-coupling --feedback DIR}).
 * Everything simulated is labelled SIMULATED where it is written. Design: docs/feedback-simulation.md.
 */
package dev.aivj.training.feedback;

package dev.aivj.training.feedback;

/**
 * SIMULATED tastes: the kinds of viewer the simulation draws from, each a known, stated taste over the pair's
 * traits (z-scores over the library, {@link LibraryScale}: motion, brightness, detail, colour, w_s, w_t, quality),
 * in three blocks — in general, weighted by the share of energetic styles (edm, rock, chiptune) and by the share of
 * calm ones (classical, ambient, folk) in the section — plus one non-linear dislike each, which the engine's linear
 * features cannot represent exactly (so the learned arm cannot fit the viewers perfectly, as with real people).
 */
public enum ViewerArchetype {
    /** Bright and busy for energetic music, calm (little motion, little detail) for calm music. */
    RAVER("bright and busy for EDM/rock/chiptune, calm for classical/ambient/folk",
            new double[] {0, 0, 0, 0, 0, 0, 0},
            new double[] {0.7, 0.5, 0.7, 0.3, 0, 0, 0},
            new double[] {-0.8, 0, -0.6, 0, 0, 0, 0}) {
        @Override
        double nonlinear(double[] z, double energy) {
            return z[0] > 1.2 && z[2] > 1.2 ? -0.8 : 0; // even a raver has a limit: fast and cluttered at once
        }
    },
    /** Wants the layers to move together: strong temporal coupling, and a clearly composed spatial mix. */
    COUPLING_FAN("likes strong temporal coupling (w_t), indifferent to look",
            new double[] {0, 0, 0, 0, 0.3, 0.9, 0.2},
            new double[] {0, 0, 0, 0, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0, 0, 0}) {
        @Override
        double nonlinear(double[] z, double energy) {
            return -0.25 * z[4] * z[4]; // an ideal spatial weight near the library's middle, not the most
        }
    },
    /** Dark and muted everywhere. */
    DARK("dark and muted everywhere",
            new double[] {0, -0.9, 0, -0.5, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0, 0, 0}) {
        @Override
        double nonlinear(double[] z, double energy) {
            return z[1] > 0.8 ? -0.6 : 0; // a cliff: tolerable until clearly bright
        }
    },
    /** Slow and colourful, in any music; moves with the music's energy, not against it. */
    DRIFTER("slow and colourful in any music, follows the music's energy",
            new double[] {-0.6, 0, -0.3, 0.8, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0, 0, 0}) {
        @Override
        double nonlinear(double[] z, double energy) {
            double wanted = 2 * (energy - 0.5); // in library SDs, roughly
            return -0.3 * Math.abs(z[0] - wanted);
        }
    };

    private final String taste;
    private final double[] general;
    private final double[] energetic;
    private final double[] calm;

    ViewerArchetype(String taste, double[] general, double[] energetic, double[] calm) {
        this.taste = taste;
        this.general = general;
        this.energetic = energetic;
        this.calm = calm;
    }

    /** The taste in words (the report's table). */
    public String taste() {
        return taste;
    }

    /** The archetype's coefficients: general, energetic, calm (7 each), concatenated. */
    double[] coefficients() {
        double[] c = new double[3 * LibraryScale.TRAITS];
        System.arraycopy(general, 0, c, 0, 7);
        System.arraycopy(energetic, 0, c, 7, 7);
        System.arraycopy(calm, 0, c, 14, 7);
        return c;
    }

    /** The part of the taste no linear function of the engine's features reproduces exactly. */
    abstract double nonlinear(double[] z, double energy);
}

package dev.aivj.export.gate;

import dev.aivj.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ./aivj rollback [--registry DIR] [--reason TEXT]}: serves the coupling model promoted before the current
 * one again (the bundled one when there is none); the current one is marked rolled-back (versions.csv, events.csv).
 */
public final class RollbackCommand {
    private RollbackCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path root = ModelRegistry.defaultRoot();
        String reason = "rolled back by hand";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--registry" -> root = Path.of(args[i + 1]);
                case "--reason" -> reason = args[i + 1];
                default -> {
                    System.err.println("rollback: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        ModelRegistry registry = new ModelRegistry(root, "coupling");
        try {
            String before = registry.latest().orElse("(none)");
            String now = registry.rollback(reason).orElse("the bundled model (no earlier promotion)");
            System.out.println("rollback: " + before + " rolled back; serving " + now);
        } catch (IOException e) {
            System.err.println("rollback: " + e.getMessage());
            System.exit(1);
        }
    }
}

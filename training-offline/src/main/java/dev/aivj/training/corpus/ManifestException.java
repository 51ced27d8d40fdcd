package dev.aivj.training.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest that does not validate; carries every problem found, each with its line number. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ManifestProblem> problems;

    public ManifestException(String source, List<ManifestProblem> problems) {
        super(source + ": " + problems.size() + " problem(s)\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }
}

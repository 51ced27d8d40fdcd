package dev.aivj.training.feedback;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ./aivj ab-report [--logs DIR|FILE]}: the A/B report and gate over feedback logs (default
 * {@value #DEFAULT_LOGS}, where {@code simulate-feedback} writes its simulated traffic; the page's exported logs are
 * read from wherever they are saved). Exit 0 on PASS, 1 on FAIL, 2 on bad usage or unreadable logs.
 */
public final class AbReportMain {
    static final String DEFAULT_LOGS = "runs/feedback-simulation/logs";

    private AbReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path logs = Path.of(DEFAULT_LOGS);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--logs") && i + 1 < args.length) {
                logs = Path.of(args[++i]);
            } else {
                System.err.println("ab-report: usage: ./aivj ab-report [--logs DIR|FILE] (unknown or incomplete "
                        + "argument " + args[i] + ")");
                return 2;
            }
        }
        FeedbackLogReader.Read read;
        try {
            read = FeedbackLogReader.read(logs);
        } catch (IOException e) {
            System.err.println("ab-report: " + e.getMessage());
            return 2;
        }
        AbReport report = new AbReport(read);
        System.out.print(report.text());
        return report.passed() ? 0 : 1;
    }
}

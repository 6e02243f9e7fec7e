package io.callbook.devstack;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A job's progress while the CLI waits: on a terminal one line redrawn in place ({@code \r}) with a bar; otherwise
 * (a log, CI) a plain line whenever the step changes or another tenth is done, so logs stay short.
 */
final class ProgressLine {

    static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private int lastLength;
    private String lastPlain = "";
    private boolean drawn;

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** {@code [#########.....................]  30%  analyze} */
    static String bar(int percent, String step) {
        int clamped = Math.max(0, Math.min(100, percent));
        int filled = clamped * BAR_WIDTH / 100;
        return String.format(Locale.ROOT, "[%s%s] %3d%%%s", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), clamped,
                step == null || step.isBlank() ? "" : "  " + step);
    }

    /** The plain line, the same for every percentage of one tenth and step. */
    static String plain(int percent, String step) {
        int tenth = Math.max(0, Math.min(100, percent)) / 10 * 10;
        return String.format(Locale.ROOT, "%3d%%%s", tenth, step == null || step.isBlank() ? "" : "  " + step);
    }

    void update(int percent, String step) {
        if (terminal) {
            String line = bar(percent, step);
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            drawn = true;
        } else {
            String line = plain(percent, step);
            if (!line.equals(lastPlain)) {
                out.println(line);
                lastPlain = line;
            }
        }
        out.flush();
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    void finish() {
        if (terminal && drawn) {
            out.println();
            drawn = false;
        }
        out.flush();
    }
}

package io.callbook.loadtest.harness;

import java.util.Arrays;
import java.util.List;

/** Reading {@code --option value} command lines, shared by the bench targets. */
public final class OptionArgs {

    /** Applies one option; returns whether it consumed the value that follows it. */
    public interface Handler {
        boolean apply(String option, String value);
    }

    private OptionArgs() {
    }

    public static void parse(List<String> args, Handler handler) {
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (apply(handler, option, value)) {
                if (value == null) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                i++;
            }
        }
    }

    private static boolean apply(Handler handler, String option, String value) {
        try {
            return handler.apply(option, value);
        } catch (NullPointerException e) {
            // a value parser was handed the missing value of the last option
            throw new IllegalArgumentException(option + " needs a value");
        }
    }

    public static List<Integer> positiveInts(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(OptionArgs::positiveInt).toList();
    }

    public static int positiveInt(String value) {
        try {
            int number = Integer.parseInt(value.trim().replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not a positive number: '" + value + "'");
    }

    public static double share(String value) {
        try {
            double share = Double.parseDouble(value.trim());
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not a share between 0 and 1: '" + value + "'");
    }

    /** A rate that may be 0 (none) or a fraction (one every few seconds). */
    public static double nonNegativeRate(String value) {
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate >= 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not a rate of 0 or more: '" + value + "'");
    }
}

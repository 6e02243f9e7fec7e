package io.callbook.loadtest.harness;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /**
     * A comma-separated choice among an enum's values, e.g. {@code --scenarios book,uncached}: at least one, always in
     * the enum's order whatever the order given.
     *
     * @param parse      one value by its name on the command line; throws for an unknown one
     * @param name       that name, for the message when none is given
     * @param optionName the option, for that message
     */
    public static <E extends Enum<E>> List<E> choices(String value, Class<E> type, Function<String, E> parse,
                                                      Function<E, String> name, String optionName) {
        Set<E> chosen = EnumSet.noneOf(type);
        Arrays.stream(value.split(",")).filter(choice -> !choice.isBlank()).map(parse).forEach(chosen::add);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(optionName + " needs at least one of "
                    + Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining(", ")));
        }
        return List.copyOf(chosen);
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

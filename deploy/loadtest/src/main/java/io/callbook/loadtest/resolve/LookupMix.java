package io.callbook.loadtest.resolve;

/**
 * The shape of real lookup traffic.
 *
 * @param invalidShare    anonymous or malformed numbers (answered 422)
 * @param unknownShare    valid numbers no company has (answered 404): spam and wrong numbers, rarely twice the same
 * @param nationalShare   of the known numbers, how many arrive in national format with {@code region=DE}
 * @param hotNumberShare  the share of numbers that takes {@code hotTrafficShare} of the known lookups
 * @param hotTrafficShare e.g. 0.8 with a hot share of 0.2: 80 % of the lookups hit 20 % of the numbers
 */
public record LookupMix(double invalidShare, double unknownShare, double nationalShare, double hotNumberShare,
                        double hotTrafficShare) {

    public static final LookupMix DEFAULT = new LookupMix(0.03, 0.05, 0.20, 0.20, 0.80);

    public LookupMix {
        if (invalidShare < 0 || unknownShare < 0 || invalidShare + unknownShare > 1
                || !isShare(nationalShare) || !isShare(hotNumberShare) || !isShare(hotTrafficShare)) {
            throw new IllegalArgumentException("Shares must be between 0 and 1: " + this);
        }
    }

    private static boolean isShare(double value) {
        return value >= 0 && value <= 1;
    }
}

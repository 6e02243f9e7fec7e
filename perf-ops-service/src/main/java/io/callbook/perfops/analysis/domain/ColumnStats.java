package io.callbook.perfops.analysis.domain;

/**
 * What pg_stats says of a column.
 *
 * @param nDistinct distinct values; a negative figure is minus the fraction of the table's rows (-1: all distinct)
 */
public record ColumnStats(String column, double nullFraction, double nDistinct) {

    /** The share of rows an equality on this column matches. */
    public double equalitySelectivity(double tableRows) {
        double distinct = nDistinct >= 0 ? nDistinct : -nDistinct * tableRows;
        return (1 - nullFraction) / Math.max(1, distinct);
    }
}

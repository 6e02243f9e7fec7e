package io.callbook.booking.catalog.domain;

/** A price needs its currency, and a currency its price. */
public class PriceWithoutCurrency extends RuntimeException {

    public PriceWithoutCurrency() {
        super("priceCents and currency go together", null, false, false);
    }
}

package io.callbook.loadtest.harness;

import java.util.Iterator;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A Gatling feeder that never runs dry: every virtual user takes the next record, however long the run. */
public abstract class EndlessFeeder implements Iterator<Map<String, Object>> {

    /** The generator the feeders draw their shares and picks from. */
    protected static RandomGenerator newRandom() {
        return RandomGenerator.of("L64X128MixRandom");
    }

    @Override
    public final boolean hasNext() {
        return true;
    }
}

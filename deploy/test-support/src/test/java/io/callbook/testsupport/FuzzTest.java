package io.callbook.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FuzzTest {

    /** Stacked mutations meet every shape: a list replaced by an object, then mutated at its former index. */
    @Test
    void everyMutationOfNestedBodiesCanBeSent() {
        Map<String, Object> valid = Map.of("name", "Telefonie", "groups", List.of("agent"));
        for (int round = 0; round < 10; round++) {
            List<Fuzz.Body> bodies = Fuzz.samples(Fuzz.bodies(valid), 5_000, "nested" + round);
            assertEquals(5_000, bodies.size());
        }
    }
}

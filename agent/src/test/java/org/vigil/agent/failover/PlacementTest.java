package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final List<String> ORDER = List.of("a", "b", "c");

    @Test
    void takeoverPrefersThePreferredNodeThenHaCfOrderSkippingIneligibleNodes() {
        assertEquals(Optional.of("b"), Placement.takeoverTarget("g", "b", ORDER, Set.of("a", "b", "c"), Map.of()));
        assertEquals(Optional.of("a"), Placement.takeoverTarget("g", "b", ORDER, Set.of("a", "c"), Map.of()));
        assertEquals(Optional.of("c"), Placement.takeoverTarget("g", "b", ORDER, Set.of("a", "c"),
                Map.of("a", Set.of("g"))));
        assertEquals(Optional.of("a"), Placement.takeoverTarget("g", "b", ORDER, Set.of("a", "b", "c"),
                Map.of("b", Set.of("g"))));
        assertEquals(Optional.empty(), Placement.takeoverTarget("g", "b", ORDER, Set.of("a"),
                Map.of("a", Set.of("g"))));
    }

    @Test
    void healKeeperRulesInOrder() {
        Placement.HealFacts a = new Placement.HealFacts("a", true, 2);
        Placement.HealFacts b = new Placement.HealFacts("b", true, 2);
        assertEquals("b", Placement.healKeeper("b", ORDER, List.of(a, b)), "preferred");
        assertEquals("a", Placement.healKeeper("c", ORDER, List.of(b, a)), "then ha.cf order");
        assertEquals("a", Placement.healKeeper("b", ORDER, List.of(a, new Placement.HealFacts("b", true, 1))),
                "more ping nodes beats preferred");
        assertEquals("a", Placement.healKeeper("b", ORDER, List.of(a, new Placement.HealFacts("b", false, 3))),
                "eligibility beats everything");
    }

    @Test
    void healKeeperDoesNotDependOnWhoEvaluatesIt() {
        List<Placement.HealFacts> facts = new ArrayList<>(List.of(new Placement.HealFacts("c", true, 1),
                new Placement.HealFacts("a", false, 1), new Placement.HealFacts("b", true, 1)));
        String first = Placement.healKeeper("a", ORDER, facts);
        for (int i = 0; i < 6; i++) {
            Collections.rotate(facts, 1);
            if (i == 3) {
                Collections.reverse(facts);
            }
            assertEquals(first, Placement.healKeeper("a", ORDER, facts));
        }
        assertEquals("b", first);
    }
}

package io.callbook.webhook.live.domain;

import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveActivityTest {

    @Test
    void onlyCompaniesSomeoneFollowsAreTold() {
        UUID followed = UUID.randomUUID();
        List<Activity> sent = new ArrayList<>();
        LiveActivity activity = new LiveActivity(sent::add, Set.of(followed)::contains, null);

        activity.functionUsed(UUID.randomUUID(), "call-1", "check_availability", "Um zehn Uhr ist frei.", Map.of());
        activity.functionUsed(followed, "call-2", "check_availability", "Um zehn Uhr ist frei.", Map.of());

        assertEquals(List.of("call-2"), sent.stream().map(Activity::callId).toList());
    }
}

package dev.aivj.training.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArmAssignmentTest {
    @Test
    void stableAndAboutEven() {
        assertEquals(ArmAssignment.arm("install-42"), ArmAssignment.arm("install-42"));
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            count.merge(ArmAssignment.arm("install-" + i), 1, Integer::sum);
        }
        assertEquals(3, count.size());
        count.values().forEach(n -> assertTrue(n > 900 && n < 1100, count.toString()));
    }
}

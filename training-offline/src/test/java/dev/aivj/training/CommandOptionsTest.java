package dev.aivj.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {
    @Test
    void readsOptionsAndPositionals() {
        CommandOptions o = CommandOptions.parse(new String[] {"DIR", "--seeds", "3", "--gammas", "0, 2", "--out", "x"},
                "--seeds", "--gammas", "--out", "--seed");
        assertEquals(List.of("DIR"), o.positional());
        assertEquals(3, o.integer("--seeds", 10));
        assertEquals(19, o.whole("--seed", 19));
        assertArrayEquals(new double[] {0, 2}, o.numbers("--gammas", null));
        assertEquals(Path.of("x"), o.path("--out", null));
    }

    @Test
    void eachProblemIsOneLine() {
        assertEquals("unknown argument --viewer", assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.parse(new String[] {"--viewer", "2"}, "--viewers")).getMessage());
        assertEquals("--viewers needs a value", assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.parse(new String[] {"--viewers"}, "--viewers")).getMessage());
        CommandOptions o = CommandOptions.parse(new String[] {"--viewers", "ten", "--gammas", "1,x"}, "--viewers",
                "--gammas");
        assertEquals("--viewers needs a whole number, not ten", assertThrows(IllegalArgumentException.class,
                () -> o.integer("--viewers", 1)).getMessage());
        assertEquals("--gammas needs numbers separated by commas, not 1,x", assertThrows(IllegalArgumentException.class,
                () -> o.numbers("--gammas", null)).getMessage());
    }
}

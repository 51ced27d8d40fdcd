package dev.aivj.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void knownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes()));
    }

    @Test
    void matchesTheJdkAtEveryPaddingBoundary() throws Exception {
        Random r = new Random(7);
        for (int n : new int[] {1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_003}) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            String jdk = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            assertEquals(jdk, Sha256.hex(data), "length " + n);
        }
    }
}

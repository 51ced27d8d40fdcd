package dev.aivj.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --port 0 --registry DIR} as ./aivj serve runs it (dev.aivj.cli.Main in a JVM of its own): it says
 * which coupling model it serves and serves it, with its metrics.
 */
class ServeCommandTest {
    @TempDir
    Path temp;

    @Test
    void serveTakesTheRegistryOption() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.aivj.cli.Main", "serve", "--port", "0",
                "--registry", reg.root.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            String second = out.readLine();
            Matcher m = Pattern.compile("AIVJ serving (http://127\\.0\\.0\\.1:\\d+/)").matcher(String.valueOf(first));
            assertTrue(m.find(), first);
            assertTrue(String.valueOf(second).startsWith("coupling model: " + reg.second + " from the registry"), second);
            URI uri = URI.create(m.group(1));
            assertEquals(reg.second, Http.get(uri.resolve("/models/coupling-v1/manifest.json")).headers()
                    .firstValue("X-AIVJ-Model-Version").orElse(""));
            assertTrue(Http.getText(uri.resolve("/metrics")).contains("aivj_model_info{kind=\"coupling\",source=\"registry\","
                    + "version=\"" + reg.second + "\"} 1"));
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }
}

package io.jenkins.plugins.konductro;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.function.Executable;

/**
 * Collects, for the whole test run, every secret the tests use and every line that could carry one: log
 * records of the plugin (at every level), everything printed, and the message and string form of every
 * exception the tests expect or meet. {@code TokenLeakTest} runs last and searches them.
 * Registered for every test class through JUnit's extension auto-detection.
 */
public final class SecretLeakWatch implements BeforeAllCallback, TestExecutionExceptionHandler {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    /** Held strongly: the log manager keeps loggers only weakly, and would drop our level and handler. */
    private static final Logger PLUGIN_LOGGER = Logger.getLogger("io.jenkins.plugins.konductro");
    private static volatile boolean installed;

    /** Remembers a token (or any secret) that must never show up. */
    public static String secret(String token) {
        SECRETS.add(token);
        return token;
    }

    public static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }

    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Like {@code assertThrows}, and records the exception's messages and string forms. */
    public static <T extends Throwable> T expect(Class<T> type, Executable executable) {
        T thrown = org.junit.jupiter.api.Assertions.assertThrows(type, executable);
        record(thrown);
        return thrown;
    }

    public static void record(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            LINES.add(String.valueOf(t));
            LINES.add(String.valueOf(t.getMessage()));
        }
    }

    public static void recordLine(String line) {
        LINES.add(line);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        record(throwable);
        throw throwable;
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        PLUGIN_LOGGER.setLevel(Level.ALL);
        PLUGIN_LOGGER.addHandler(new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                LINES.add(formatter.format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                original.write(b);
                if (b == '\n') {
                    LINES.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}

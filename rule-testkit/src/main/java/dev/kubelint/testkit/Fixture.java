package dev.kubelint.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixture file: a manifest whose lines carry their expected findings inline, and whose leading comment lines
 * may set the run ({@code # fixture: kubernetes-version=1.30}, {@code # fixture: strict=false},
 * {@code # fixture: param max=3}, {@code # fixture: param registries=["a","b"]}, and
 * {@code # fixture: with-rule=com.example.SomeRule}, which adds a rule class from the test class path to the run,
 * for findings that only a faulty or special rule can provoke).
 */
public record Fixture(
        Path path,
        String ruleId,
        List<Expectation> expectations,
        Map<String, String> settings,
        Map<String, String> params) {

    private static final Pattern MARKER = Pattern.compile("#\\s*expect(?:@(\\d{1,6}))?:\\s*(.*)$");
    private static final Pattern ONE = Pattern.compile("([a-z0-9][a-z0-9-]*)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SETTING = Pattern.compile("^#\\s*fixture:\\s*(.*)$");

    public Fixture {
        expectations = List.copyOf(expectations);
        settings = Map.copyOf(settings);
        params = Map.copyOf(params);
    }

    /** Whether this is a "good" fixture: it must give no finding of its rule. */
    public boolean isGood() {
        return path.getFileName().toString().startsWith("good");
    }

    /** The settings a fixture header may hold, besides {@code param NAME=VALUE}. */
    public static final List<String> SETTINGS = List.of("kubernetes-version", "strict", "with-rule");

    /**
     * Reads a fixture of the rule {@code ruleId}. Bytes that are not UTF-8 are read as U+FFFD, so a fixture of
     * an encoding problem can still carry its markers.
     */
    public static Fixture read(Path path, String ruleId) throws IOException {
        List<String> lines = text(Files.readAllBytes(path)).lines().toList();
        List<Expectation> expectations = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher setting = SETTING.matcher(line.trim());
            if (header && setting.matches()) {
                readSetting(path, i + 1, setting.group(1).trim(), settings, params);
                continue;
            }
            if (!line.trim().isEmpty() && !line.trim().startsWith("#")) {
                header = false;
            }
            Matcher marker = MARKER.matcher(line);
            if (marker.find()) {
                int column = marker.group(1) == null ? Expectation.ANY_COLUMN : Integer.parseInt(marker.group(1));
                if (marker.group(1) != null && column < 1) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": columns start at 1: " + line.trim());
                }
                String rest = marker.group(2).trim();
                Matcher one = ONE.matcher(rest);
                int end = 0;
                while (one.find()) {
                    if (!rest.substring(end, one.start()).trim().isEmpty()) {
                        throw new IllegalArgumentException(path + ":" + (i + 1) + ": malformed expect marker: " + rest);
                    }
                    expectations.add(new Expectation(
                            i + 1, column, one.group(1), one.group(2).replace("\\\"", "\"")));
                    end = one.end();
                }
                if (end == 0 || !rest.substring(end).trim().isEmpty()) {
                    throw new IllegalArgumentException(path + ":" + (i + 1)
                            + ": malformed expect marker, want: # expect: <rule-id> \"message part\": " + rest);
                }
            }
        }
        return new Fixture(path, ruleId, expectations, settings, params);
    }

    private static void readSetting(
            Path path, int line, String text, Map<String, String> settings, Map<String, String> params) {
        if (text.startsWith("param ")) {
            String body = text.substring("param ".length()).trim();
            int eq = body.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(path + ":" + line + ": want # fixture: param NAME=VALUE");
            }
            params.put(body.substring(0, eq).trim(), body.substring(eq + 1).trim());
            return;
        }
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(path + ":" + line + ": want # fixture: KEY=VALUE");
        }
        String key = text.substring(0, eq).trim();
        if (!SETTINGS.contains(key)) {
            throw new IllegalArgumentException(path + ":" + line + ": unknown fixture setting " + key + " (known: "
                    + String.join(", ", SETTINGS) + ", param NAME=VALUE)");
        }
        settings.put(key, text.substring(eq + 1).trim());
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }
}

package dev.kubelint.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** kubelint's version, from the build. */
public final class Version {

    private static final String VERSION = load();

    private Version() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/kubelint/core/version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}

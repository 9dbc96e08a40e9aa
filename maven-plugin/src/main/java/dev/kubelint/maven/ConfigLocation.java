package dev.kubelint.maven;

import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.run.OptionsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The plugin's {@code configLocation}, resolved as Checkstyle resolves its own: a file relative to the project,
 * else a URL, else a resource on the plugin's class path (the jars of its {@code <dependencies>}). What is not a
 * file is copied into the build folder, so that the configuration is read like any other file.
 */
final class ConfigLocation {

    /** Configuration files are small; the reader refuses larger ones anyway. */
    private static final int MAX_BYTES = 1024 * 1024;

    private static final int TIMEOUT_MILLIS = 20_000;

    private ConfigLocation() {}

    /**
     * The configuration file for a location.
     *
     * @param location   as the POM gives it
     * @param project    the project's folder, against which a relative file is resolved
     * @param copyFolder where a configuration from a URL or a resource is copied
     * @param loader     the plugin's class loader, whose resources are looked in
     */
    static Path resolve(String location, Path project, Path copyFolder, ClassLoader loader) throws OptionsException {
        String trimmed = location.trim();
        Path file = asFile(trimmed, project);
        if (file != null && Files.isRegularFile(file)) {
            return file;
        }
        URL url = asUrl(trimmed);
        if (url == null) {
            String resource = trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
            url = loader.getResource(resource);
        }
        if (url == null) {
            throw new OptionsException("configLocation: '" + trimmed + "' is neither a file of the project, nor a URL, "
                    + "nor a resource of the plugin's dependencies");
        }
        return copy(url, trimmed, copyFolder);
    }

    private static Path asFile(String location, Path project) {
        if (location.contains(":") && asUrl(location) != null) {
            return null;
        }
        try {
            return project.resolve(location).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A URL with a scheme of more than one letter (so that {@code C:\\x} stays a path). */
    private static URL asUrl(String location) {
        int colon = location.indexOf(':');
        if (colon < 2) {
            return null;
        }
        try {
            return new URI(location).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path copy(URL url, String location, Path folder) throws OptionsException {
        byte[] bytes;
        try {
            URLConnection connection = url.openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new OptionsException("configLocation: cannot read " + location + ": " + e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new OptionsException("configLocation: " + location + " is larger than " + MAX_BYTES
                    + " bytes; is it really a " + ConfigReader.FILE_NAME + "?");
        }
        try {
            Files.createDirectories(folder);
            Path copy = folder.resolve(ConfigReader.FILE_NAME);
            Files.write(copy, bytes);
            return copy;
        } catch (IOException e) {
            throw new OptionsException("configLocation: cannot copy " + location + " to " + folder + ": " + e);
        }
    }
}

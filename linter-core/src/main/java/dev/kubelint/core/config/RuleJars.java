package dev.kubelint.core.config;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * Loads third-party rules from jars: each jar gets a class loader of its own (whose parent is kubelint's, so
 * the jar sees kubelint's API and shares its types), and its {@link RuleProvider}s are found with
 * {@link ServiceLoader}. Each rule's origin names its provider and jar. Anything wrong with a jar is a usage
 * error in one line, never a stack trace.
 */
public final class RuleJars implements AutoCloseable {

    /** The service file a rule jar must carry. */
    public static final String SERVICE_FILE = "META-INF/services/" + RuleProvider.class.getName();

    /**
     * A jar to load.
     *
     * @param path   the jar
     * @param shown  the jar as the user wrote it, for origins and messages
     * @param source where it was given: "--rules-jar", or "file:line:column" of a configuration file
     */
    public record Jar(Path path, String shown, String source) {}

    private final List<RuleDescriptor> descriptors;
    private final List<URLClassLoader> loaders;

    private RuleJars(List<RuleDescriptor> descriptors, List<URLClassLoader> loaders) {
        this.descriptors = List.copyOf(descriptors);
        this.loaders = List.copyOf(loaders);
    }

    /** No jars. */
    public static RuleJars none() {
        return new RuleJars(List.of(), List.of());
    }

    /** The rules of all jars, in jar order. */
    public List<RuleDescriptor> descriptors() {
        return descriptors;
    }

    /**
     * Loads every jar (the same file given twice is loaded once). Rule classes stay usable until {@link #close}.
     *
     * @param parent kubelint's class loader
     */
    public static RuleJars load(List<Jar> jars, ClassLoader parent) throws ConfigException {
        Map<Path, Jar> unique = new LinkedHashMap<>();
        for (Jar jar : jars) {
            unique.putIfAbsent(jar.path().toAbsolutePath().normalize(), jar);
        }
        List<RuleDescriptor> descriptors = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (Jar jar : unique.values()) {
                URLClassLoader loader = open(jar, parent);
                loaders.add(loader);
                descriptors.addAll(rules(jar, loader));
            }
        } catch (ConfigException e) {
            closeAll(loaders);
            throw e;
        }
        return new RuleJars(descriptors, loaders);
    }

    private static URLClassLoader open(Jar jar, ClassLoader parent) throws ConfigException {
        Path path = jar.path();
        if (!Files.isRegularFile(path)) {
            throw problem(jar, Files.isDirectory(path) ? "is a folder, not a jar" : "does not exist");
        }
        try (JarFile file = new JarFile(path.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                throw problem(jar, "registers no rule provider (it has no " + SERVICE_FILE + ")");
            }
        } catch (ZipException e) {
            throw problem(jar, "is not a jar (zip) file");
        } catch (IOException | SecurityException e) {
            throw problem(jar, "cannot be read: " + e.getMessage());
        }
        try {
            URL url = path.toUri().toURL();
            return new URLClassLoader("rules-jar " + path.getFileName(), new URL[] {url}, parent);
        } catch (MalformedURLException e) {
            throw problem(jar, "cannot be opened: " + e.getMessage());
        }
    }

    private static List<RuleDescriptor> rules(Jar jar, URLClassLoader loader) throws ConfigException {
        List<RuleDescriptor> result = new ArrayList<>();
        int providers = 0;
        try {
            // the parent's providers (kubelint's own) are visible too: keep only the jar's
            for (ServiceLoader.Provider<RuleProvider> p :
                    ServiceLoader.load(RuleProvider.class, loader).stream().toList()) {
                if (p.type().getClassLoader() != loader) {
                    continue;
                }
                providers++;
                result.addAll(rules(jar, p));
            }
        } catch (ServiceConfigurationError e) {
            throw problem(jar, "has a rule provider that cannot be loaded: " + reason(e));
        } catch (LinkageError e) {
            throw problem(
                    jar,
                    "does not fit this kubelint (" + reason(e) + "); rebuild it against kubelint-core "
                            + dev.kubelint.core.report.Version.current() + " on Java 17");
        }
        if (providers == 0) {
            throw problem(jar, "registers no rule provider of its own in " + SERVICE_FILE);
        }
        return result;
    }

    private static List<RuleDescriptor> rules(Jar jar, ServiceLoader.Provider<RuleProvider> p) throws ConfigException {
        String className = p.type().getName();
        RuleProvider provider;
        List<Rule> rules;
        try {
            provider = p.get();
            rules = provider.rules();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            throw problem(jar, "rule provider " + className + " failed to load: " + reason(e));
        }
        String origin;
        try {
            origin = provider.name() + " (" + jar.shown() + ")";
        } catch (RuntimeException e) {
            throw problem(jar, "rule provider " + className + " failed to name itself: " + reason(e));
        }
        List<RuleDescriptor> result = new ArrayList<>();
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            try {
                RuleDescriptor descriptor = RuleDescriptor.of(rule, origin);
                descriptor.texts().load();
                result.add(descriptor);
            } catch (RuntimeException | LinkageError e) {
                throw problem(
                        jar,
                        "rule " + (rule == null ? "null" : rule.getClass().getName()) + " of provider " + className
                                + " cannot be used: " + reason(e));
            }
        }
        return result;
    }

    /** The innermost useful message of an exception chain, on one line. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause instanceof ServiceConfigurationError && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    private static ConfigException problem(Jar jar, String message) {
        return new ConfigException(ConfigProblem.of(jar.source(), "rule jar " + jar.shown() + " " + message));
    }

    @Override
    public void close() {
        closeAll(loaders);
    }

    private static void closeAll(List<URLClassLoader> loaders) {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                // nothing to do: the process is about to use no more classes from this jar
            }
        }
    }
}

package dev.kubelint.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.kubelint.core.render.FolderRenderer;
import dev.kubelint.core.render.RenderTarget;
import dev.kubelint.core.render.RenderedFile;
import dev.kubelint.core.render.Rendering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a Helm chart (a folder with a {@code Chart.yaml}) in-process, as {@code helm template} does, with Helm's
 * own Go library (helm-java, which carries it as native code): the chart's values, then the values files and
 * single values of the run; the run's Kubernetes version as the kube version; the dependencies found under
 * {@code charts/}. Each rendered document is put on the template Helm's {@code # Source:} line names. Helm never
 * reaches a cluster or the network here, and the chart's files are read where they are.
 */
public final class HelmRenderer implements FolderRenderer {

    /** The release name {@code helm template} uses when given none. */
    static final String RELEASE_NAME = "release-name";

    /** helm-java would download a native library from the network when it has none for the platform: never. */
    private static final String SKIP_REMOTE = "com.marcnuri.jkube-helm.skipRemoteJar";

    /** One chart at a time: Helm's library keeps state of its own in the process. */
    private static final Object LOCK = new Object();

    @Override
    public String name() {
        return "Helm chart";
    }

    @Override
    public boolean renders(Path folder) {
        return Files.isRegularFile(folder.resolve("Chart.yaml"));
    }

    @Override
    public boolean ownsFolder() {
        return true;
    }

    @Override
    public Rendering render(RenderTarget target) {
        Path chartFile = target.folder().resolve("Chart.yaml");
        String output;
        try {
            output = template(target);
        } catch (LinkageError e) {
            return Rendering.raw("Helm charts were not linted: kubelint's Helm library has no native code for this"
                    + " platform (" + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + ")."
                    + " Render them with helm template and lint the output instead.");
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.startsWith("No NativeLibrary implementation found")) {
                return Rendering.raw("Helm charts were not linted: kubelint's Helm library has no native code for"
                        + " this platform (" + System.getProperty("os.name") + ", " + System.getProperty("os.arch")
                        + "). Render them with helm template and lint the output instead.");
            }
            return Rendering.failed(chartFile, "the Helm chart does not render: " + oneLine(message, target), Set.of());
        }
        return Rendering.of(split(output, target), Set.of());
    }

    private static String template(RenderTarget target) {
        synchronized (LOCK) {
            if (System.getProperty(SKIP_REMOTE) == null) {
                System.setProperty(SKIP_REMOTE, "true");
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            // helm-java finds its native library with the context class loader (Maven's is another)
            thread.setContextClassLoader(HelmRenderer.class.getClassLoader());
            try {
                TemplateCommand command = new Helm(target.folder())
                        .template()
                        .withName(RELEASE_NAME)
                        .withKubeVersion("v" + target.kubernetesVersion() + ".0");
                for (Path file : target.values().valuesFiles()) {
                    command = command.withValuesFile(file);
                }
                for (Map.Entry<String, String> e : target.values().set().entrySet()) {
                    command = command.set(e.getKey(), e.getValue());
                }
                return command.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Helm's message on one line, with the chart's absolute path shown as the scan shows it. */
    private static String oneLine(String message, RenderTarget target) {
        String shown = message.replace(target.folder().toString(), target.displayName(target.folder()));
        return shown.strip().replaceAll("\\s*\\n\\s*", "; ");
    }

    /**
     * The rendered stream by template: each document goes to the file its {@code # Source: CHART/PATH} line names,
     * which is {@code PATH} inside the chart folder (a subchart's template is under {@code charts/}).
     */
    static List<RenderedFile> split(String output, RenderTarget target) {
        RenderedDocuments documents = new RenderedDocuments();
        Path chartFile = target.folder().resolve("Chart.yaml");
        for (String doc : RenderedDocuments.split(output)) {
            documents.add(source(doc, target.folder()).orElse(chartFile), doc);
        }
        return documents.files(target);
    }

    private static Optional<Path> source(String document, Path chart) {
        for (String line : document.split("\n", 8)) {
            if (line.startsWith("# Source: ")) {
                String named = line.substring("# Source: ".length()).strip();
                int slash = named.indexOf('/');
                if (slash < 0) {
                    return Optional.empty();
                }
                try {
                    Path file = chart.resolve(named.substring(slash + 1)).normalize();
                    return file.startsWith(chart) ? Optional.of(file) : Optional.empty();
                } catch (java.nio.file.InvalidPathException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}

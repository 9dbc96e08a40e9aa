package dev.kubelint.cli;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension.ExtensionContextScope;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test a {@link Cli} in a fresh folder of its own, removed after the test: in every field of type
 * {@code Cli} of the test class and in every parameter of that type. With {@link #sampleInputs()} the folder
 * starts with {@link Inputs#all}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CliWorkspace.Folders.class)
@interface CliWorkspace {

    /** Whether the folder starts with the small manifests of {@link Inputs#all} under {@code k8s/}. */
    boolean sampleInputs() default false;

    /** Creates the folders, fills them and deletes them when the test is over. */
    final class Folders implements TestInstancePostProcessor, ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Folders.class);

        @Override
        public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext root) {
            return ExtensionContextScope.TEST_METHOD;
        }

        @Override
        public void postProcessTestInstance(Object instance, ExtensionContext context) throws Exception {
            for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() == Cli.class) {
                        field.setAccessible(true);
                        field.set(instance, newCli(context));
                    }
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Cli.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            try {
                return newCli(context);
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare the folder for kubelint", e);
            }
        }

        private static Cli newCli(ExtensionContext context) throws IOException {
            Path dir = Files.createTempDirectory("kubelint-cli");
            context.getStore(NAMESPACE).put(dir, (AutoCloseable) () -> deleteTree(dir));
            Cli cli = new Cli(dir);
            boolean samples = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CliWorkspace.class)
                    .map(CliWorkspace::sampleInputs)
                    .orElse(false);
            return samples ? Inputs.all(cli) : cli;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

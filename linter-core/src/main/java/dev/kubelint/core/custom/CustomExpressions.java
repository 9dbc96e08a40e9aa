package dev.kubelint.core.custom;

import dev.kubelint.core.util.Lazy;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link ExpressionEngine} of the run, if kubelint's cel module is on the class path. */
public final class CustomExpressions {

    private static final Lazy<Optional<ExpressionEngine>> ENGINE =
            Lazy.of(() -> ServiceLoader.load(ExpressionEngine.class, CustomExpressions.class.getClassLoader())
                    .findFirst());

    private CustomExpressions() {}

    /** The engine found beside kubelint's own classes (the same class loader as the core's). */
    public static Optional<ExpressionEngine> engine() {
        return ENGINE.get();
    }
}

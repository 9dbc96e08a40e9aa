package dev.kubelint.core.custom;

import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link ExpressionEngine} of the run, if kubelint's cel module is on the class path. */
public final class CustomExpressions {

    private static volatile Optional<ExpressionEngine> engine;

    private CustomExpressions() {}

    /** The engine found beside kubelint's own classes (the same class loader as the core's). */
    public static Optional<ExpressionEngine> engine() {
        Optional<ExpressionEngine> e = engine;
        if (e == null) {
            e = ServiceLoader.load(ExpressionEngine.class, CustomExpressions.class.getClassLoader())
                    .findFirst();
            engine = e;
        }
        return e;
    }
}

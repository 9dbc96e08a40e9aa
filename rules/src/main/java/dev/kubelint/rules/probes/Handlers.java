package dev.kubelint.rules.probes;

import dev.kubelint.core.kube.Names;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What probes and lifecycle hooks have in common: a handler (exec, httpGet, tcpSocket, and grpc for probes or
 * sleep for hooks), checked as the API server's validateHandler does.
 */
public final class Handlers {

    /** The kinds of handler, by the key that sets them. */
    public enum Type {
        EXEC("exec"),
        HTTP_GET("httpGet"),
        TCP_SOCKET("tcpSocket"),
        GRPC("grpc"),
        SLEEP("sleep");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static final Set<Type> PROBE = EnumSet.of(Type.EXEC, Type.HTTP_GET, Type.TCP_SOCKET, Type.GRPC);
    public static final Set<Type> LIFECYCLE = EnumSet.of(Type.EXEC, Type.HTTP_GET, Type.TCP_SOCKET, Type.SLEEP);

    private static final Set<String> HTTP_SCHEMES = Set.of("HTTP", "HTTPS");

    private Handlers() {}

    /** A handler set on a probe or hook: its type, the probe or hook that holds it, and its (non-null) value. */
    public record Handler(Type type, MappingNode owner, YamlNode node) {

        /** The handler's mapping, when it is one. */
        public Optional<MappingNode> mapping() {
            return node.asMapping();
        }
    }

    /** The handlers a probe or hook sets, in source order; keys with a null value do not count. */
    public static List<Handler> present(MappingNode owner, Set<Type> allowed) {
        List<Handler> handlers = new ArrayList<>(1);
        for (MappingNode.Entry e : owner.entries()) {
            if (e.value() instanceof ScalarNode s && s.isNull()) {
                continue;
            }
            for (Type t : allowed) {
                if (t.key().equals(e.key())) {
                    handlers.add(new Handler(t, owner, e.value()));
                }
            }
        }
        return handlers;
    }

    /**
     * Reports what the API server rejects in the shape of a handler: none or several handler types, an exec
     * without command, an httpGet scheme other than HTTP or HTTPS, invalid header names.
     *
     * @param parent the mapping that holds the probe or hook, and {@code key} its key there
     * @param what   "livenessProbe of container \"web\"", for messages
     */
    public static void checkShape(
            MappingNode parent, String key, MappingNode owner, Set<Type> allowed, String what, RuleContext ctx) {
        List<Handler> handlers = present(owner, allowed);
        if (handlers.isEmpty()) {
            ctx.reportKey(parent, key, what + " sets no handler: set exactly one of " + names(allowed));
        }
        for (Handler extra : handlers.subList(Math.min(1, handlers.size()), handlers.size())) {
            ctx.reportKey(
                    owner,
                    extra.type().key(),
                    what + " sets both " + handlers.get(0).type().key() + " and "
                            + extra.type().key() + ": only one handler type is allowed");
        }
        handlers.forEach(h -> h.mapping().ifPresent(m -> checkHandler(h, m, what, ctx)));
    }

    private static void checkHandler(Handler h, MappingNode handler, String what, RuleContext ctx) {
        Type type = h.type();
        if (type == Type.EXEC) {
            Optional<YamlNode> command = handler.get("command").filter(c -> !(c instanceof ScalarNode s && s.isNull()));
            // a command of the wrong type is the schema's finding
            boolean empty = command.isEmpty()
                    || command.get().asSequence().map(SequenceNode::size).orElse(1) == 0;
            if (empty) {
                // an absent command is reported at exec, an empty one where it is written
                MappingNode where = command.isPresent() ? handler : h.owner();
                ctx.reportKey(
                        where,
                        command.isPresent() ? "command" : "exec",
                        "exec of " + what + " has no command: the API server requires one");
            }
        } else if (type == Type.HTTP_GET) {
            handler.scalar("scheme")
                    .filter(s -> !s.asText().isEmpty() && !HTTP_SCHEMES.contains(s.asText()))
                    .ifPresent(s -> ctx.report(
                            s,
                            "unsupported httpGet scheme \"" + s.asText() + "\" in " + what
                                    + ": supported values are \"HTTP\", \"HTTPS\""));
            handler.sequence("httpHeaders")
                    .ifPresent(headers -> headers.mappings()
                            .forEach(header -> header.scalar("name")
                                    .filter(n ->
                                            !Names.httpHeaderName(n.asText()).isEmpty())
                                    .ifPresent(n -> ctx.report(
                                            n,
                                            "httpGet header name \"" + n.asText() + "\" in " + what + " is invalid: "
                                                    + String.join("; ", Names.httpHeaderName(n.asText()))))));
        }
    }

    /** Whether a handler type takes a port (httpGet, tcpSocket, grpc). */
    public static boolean hasPort(Type type) {
        return type == Type.HTTP_GET || type == Type.TCP_SOCKET || type == Type.GRPC;
    }

    /**
     * Reports an invalid or missing port of a handler: a number must be 1 to 65535, a name an IANA service name;
     * grpc takes numbers only.
     */
    public static void checkPort(Handler handler, String what, RuleContext ctx) {
        if (!hasPort(handler.type()) || handler.mapping().isEmpty()) {
            return;
        }
        MappingNode m = handler.mapping().get();
        Optional<ScalarNode> port = m.scalar("port");
        String where = handler.type().key() + " of " + what;
        if (port.isEmpty()) {
            ctx.reportKey(
                    m.has("port") ? m : handler.owner(),
                    m.has("port") ? "port" : handler.type().key(),
                    where + " has no port: the API server requires one");
            return;
        }
        portProblem(port.get(), handler.type() == Type.GRPC)
                .ifPresent(problem -> ctx.report(port.get(), "port of " + where + " " + problem));
    }

    /** Why a port value is invalid, as "is ..." text; empty when it is valid or not a number or string at all. */
    static Optional<String> portProblem(ScalarNode port, boolean numberOnly) {
        Optional<Long> number = port.longValue();
        if (number.isPresent()) {
            return Names.isValidPortNumber(number.get())
                    ? Optional.empty()
                    : Optional.of(number.get() + " is not a valid port number: it must be between 1 and 65535,"
                            + " inclusive");
        }
        Optional<String> name = port.stringValue();
        if (name.isEmpty() || numberOnly) {
            return Optional.empty();
        }
        List<String> problems = Names.ianaServiceName(name.get());
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String hint = name.get().matches("[0-9]+")
                ? " (a quoted number is a port name: write " + name.get() + " without quotes)"
                : "";
        return Optional.of("\"" + name.get() + "\" is not a valid port name: " + String.join("; ", problems) + hint);
    }

    /** The port name a handler refers to, when it names one that is valid (not a number). */
    public static Optional<ScalarNode> namedPort(Handler handler) {
        if (handler.type() == Type.GRPC || !hasPort(handler.type())) {
            return Optional.empty();
        }
        return handler.mapping()
                .flatMap(m -> m.scalar("port"))
                .filter(p -> p.stringValue()
                        .map(s -> Names.ianaServiceName(s).isEmpty())
                        .orElse(false));
    }

    private static String names(Set<Type> types) {
        List<String> keys = types.stream().map(Type::key).collect(Collectors.toList());
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }
}

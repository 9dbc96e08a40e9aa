package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.services.Services;
import dev.kubelint.rules.support.CrossObjectShell;
import dev.kubelint.rules.support.Locations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An Ingress backend naming a Service, or a port of a Service, that the scan does not define. */
@RuleInfo(
        id = "ingress-backend-undefined",
        category = "services",
        severity = Severity.WARNING,
        summary = "An Ingress backend names a Service or a Service port that the scanned files do not define",
        kinds = {"Ingress"})
public final class IngressBackendUndefinedRule extends CrossObjectShell {

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
    }

    /** The ports a Service declares (their numbers and their names), and where it is defined. */
    private record Declared(Set<String> numbers, Set<String> names, Location at) {}

    /** A backend's port as written: by number or by name. */
    private record PortReference(NameReferences.Reference service, String value, boolean byName, Location location) {}

    private static final class Check extends NameReferences {
        /** The Services of each "folder|namespace/name", in the order they were read. */
        private final Map<String, List<Declared>> ports = new HashMap<>();

        private final List<PortReference> portReferences = new ArrayList<>();
        /** The ExternalName Services ("folder|namespace/name"): any port goes. */
        private final Set<String> externalNames = new HashSet<>();
        /** The backend references, to find the Ingresses that name at least one Service of the scan. */
        private final List<Reference> references = new ArrayList<>();
        /** The Ingresses (file#document) at least one of whose backends names a Service the scan defines. */
        private final Set<String> wired = new HashSet<>();

        @Override
        void read(Manifest manifest, RuleContext ctx) {
            if (Services.isService(manifest)) {
                defineSelf(manifest, ctx);
                String key = folder(manifest.source().displayName()) + "|" + PodIndex.namespaceOf(manifest) + "/"
                        + manifest.name();
                Services.Spec.of(manifest).ifPresent(spec -> {
                    if (spec.type().equals(Services.EXTERNAL_NAME)) {
                        externalNames.add(key);
                        return;
                    }
                    Location at = manifest.metadata()
                            .flatMap(m -> m.scalar("name"))
                            .map(ctx::locate)
                            .orElse(null);
                    Declared declared = new Declared(new LinkedHashSet<>(), new LinkedHashSet<>(), at);
                    ports.computeIfAbsent(key, k -> new ArrayList<>()).add(declared);
                    for (Services.Port port : spec.ports()) {
                        port.port().ifPresent(p -> declared.numbers().add(Long.toString(p)));
                        if (!port.name().isEmpty()) {
                            declared.names().add(port.name());
                        }
                    }
                });
                return;
            }
            if (!manifest.group().equals("networking.k8s.io")
                    || !manifest.kind().equals("Ingress")
                    || !manifest.apiVersion().equals("networking.k8s.io/v1")) {
                return;
            }
            Optional<MappingNode> spec = manifest.root().mapping("spec");
            if (spec.isEmpty()) {
                return;
            }
            List<MappingNode> backends = new ArrayList<>();
            spec.get().mapping("defaultBackend").ifPresent(backends::add);
            for (MappingNode rule : mappings(spec.get().sequence("rules"))) {
                for (MappingNode path : mappings(rule.mapping("http").flatMap(h -> h.sequence("paths")))) {
                    path.mapping("backend").ifPresent(backends::add);
                }
            }
            String from = "Ingress \"" + manifest.name() + "\"";
            String namespace = PodIndex.namespaceOf(manifest);
            for (MappingNode backend : backends) {
                backend.mapping("service")
                        .ifPresent(service -> service.scalar("name")
                                .filter(n -> !n.isNull() && !n.asText().isEmpty())
                                .ifPresent(name -> {
                                    Reference r =
                                            new Reference("Service", namespace, name.asText(), ctx.locate(name), from);
                                    refer(r);
                                    references.add(r);
                                    service.mapping("port").ifPresent(port -> portReference(r, port, ctx));
                                }));
            }
        }

        private void portReference(Reference service, MappingNode port, RuleContext ctx) {
            Optional<ScalarNode> number =
                    port.scalar("number").filter(n -> n.longValue().orElse(0L) != 0);
            Optional<ScalarNode> name =
                    port.scalar("name").filter(n -> !n.isNull() && !n.asText().isEmpty());
            if (number.isPresent()) {
                portReferences.add(new PortReference(
                        service,
                        Long.toString(number.get().longValue().orElseThrow()),
                        false,
                        ctx.locate(number.get())));
            } else {
                name.ifPresent(n -> portReferences.add(new PortReference(service, n.asText(), true, ctx.locate(n))));
            }
        }

        /**
         * The ports of the Services of one key, a Service defined twice in a folder declaring those of both: listed
         * in file order and placed at the first in file order, whatever order the files were read in; null when none.
         */
        private Declared declared(String key) {
            List<Declared> all = ports.get(key);
            if (all == null) {
                return null;
            }
            List<Declared> sorted = all.stream()
                    .sorted(Comparator.comparing(Declared::at, Comparator.nullsLast(Locations.FILE_ORDER)))
                    .toList();
            Declared merged = new Declared(
                    new LinkedHashSet<>(), new LinkedHashSet<>(), sorted.get(0).at());
            for (Declared d : sorted) {
                merged.numbers().addAll(d.numbers());
                merged.names().addAll(d.names());
            }
            return merged;
        }

        private static List<MappingNode> mappings(Optional<SequenceNode> sequence) {
            return sequence.map(SequenceNode::mappings).orElse(List.of());
        }

        /** The Ingress a reference comes from: its file and document. */
        private static String ingress(Reference r) {
            return r.location().file() + "#" + r.location().documentIndex();
        }

        /**
         * An Ingress none of whose backends names a Service the scan defines is about Services of another scan
         * (a chart's values, another repository, an example): its references are not judged.
         */
        @Override
        boolean resolves(Reference r) {
            return super.resolves(r) || !wired.contains(ingress(r));
        }

        @Override
        String consequence(Reference r) {
            return "the ingress controller has no endpoint for this backend and answers 503";
        }

        @Override
        public void finish(RuleContext ctx) {
            for (Reference r : references) {
                if (definedAt("Service", r.namespace(), r.name()).isPresent()) {
                    wired.add(ingress(r));
                }
            }
            super.finish(ctx);
            for (PortReference p : portReferences) {
                Reference r = p.service();
                // judged against the Service of the Ingress's own folder, the same application
                String key = folder(r.location().file()) + "|" + r.namespace() + "/" + r.name();
                Declared declared = declared(key);
                if (declared == null || declared.at() == null || externalNames.contains(key)) {
                    continue;
                }
                Optional<Location> at = Optional.of(declared.at());
                Set<String> pool = p.byName() ? declared.names() : declared.numbers();
                if (pool.contains(p.value())) {
                    continue;
                }
                String shown = p.byName() ? "port name \"" + p.value() + "\"" : "port number " + p.value();
                String has = p.byName()
                        ? (pool.isEmpty() ? "no named port" : "the port names \"" + String.join("\", \"", pool) + "\"")
                        : (pool.isEmpty() ? "no port" : "the ports " + String.join(", ", pool));
                ctx.report(
                        p.location(),
                        r.from() + " (backend at " + where(r.location()) + ") sends to " + shown + " of Service \""
                                + r.name()
                                + "\", but that Service (" + where(at.get()) + ") declares " + has
                                + (p.byName() ? "" : " (port.number is the Service's port, not its targetPort)")
                                + ": the ingress controller has no endpoint for this backend and answers 503",
                        List.of(at.get()));
            }
        }
    }
}

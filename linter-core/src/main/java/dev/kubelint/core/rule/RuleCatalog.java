package dev.kubelint.core.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * All rules of a run, found with {@link ServiceLoader} on an explicit class loader, indexed by id.
 * Ids must be unique: a rule jar cannot silently replace a built-in rule.
 */
public final class RuleCatalog {

    private final Map<String, RuleDescriptor> byId;

    private RuleCatalog(Map<String, RuleDescriptor> byId) {
        this.byId = byId;
    }

    /** The rules of every provider visible to the class loader. */
    public static RuleCatalog load(ClassLoader loader) {
        List<RuleDescriptor> descriptors = new ArrayList<>();
        try {
            for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
                descriptors.addAll(provider.descriptors());
            }
        } catch (ServiceConfigurationError e) {
            throw new RuleLoadingException("cannot load rule providers: " + e.getMessage(), e);
        }
        return of(descriptors);
    }

    public static RuleCatalog of(Collection<RuleDescriptor> descriptors) {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        List<RuleDescriptor> sorted = new ArrayList<>(descriptors);
        sorted.sort(Comparator.comparing(RuleDescriptor::id));
        for (RuleDescriptor d : sorted) {
            RuleDescriptor previous = byId.putIfAbsent(d.id(), d);
            if (previous != null) {
                throw new RuleLoadingException(
                        "rule id " + d.id() + " is defined twice: by " + previous.origin()
                                + " (" + previous.rule().getClass().getName() + ") and by " + d.origin() + " ("
                                + d.rule().getClass().getName() + ")",
                        null);
            }
        }
        return new RuleCatalog(byId);
    }

    /** This catalogue plus more rules (from a rule jar or configuration). */
    public RuleCatalog plus(Collection<RuleDescriptor> more) {
        List<RuleDescriptor> all = new ArrayList<>(byId.values());
        all.addAll(more);
        return of(all);
    }

    /** Rules sorted by id. */
    public List<RuleDescriptor> all() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleDescriptor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Thrown when rule providers cannot be loaded or clash. */
    public static final class RuleLoadingException extends RuntimeException {
        public RuleLoadingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

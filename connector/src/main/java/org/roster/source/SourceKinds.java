package org.roster.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The source kinds installed: every {@link SourceKind} listed in a
 * {@code META-INF/services/org.roster.source.SourceKind}, in the order found.
 *
 * <pre>{@code
 * Optional<SourceKind> kind = SourceKinds.named("entra");
 * }</pre>
 */
public final class SourceKinds {

    private static final List<SourceKind> INSTALLED = load();

    private SourceKinds() {
    }

    private static List<SourceKind> load() {
        List<SourceKind> kinds = new ArrayList<>();
        ServiceLoader.load(SourceKind.class, SourceKind.class.getClassLoader()).forEach(kinds::add);
        return List.copyOf(kinds);
    }

    public static List<SourceKind> installed() {
        return INSTALLED;
    }

    public static Optional<SourceKind> named(String name) {
        return INSTALLED.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** The settings that bind a source's secrets to their endpoint, over every kind. */
    public static Set<String> endpointSettings() {
        Set<String> all = new TreeSet<>();
        INSTALLED.forEach(kind -> all.addAll(kind.endpointSettings()));
        return Set.copyOf(all);
    }
}

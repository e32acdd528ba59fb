package org.onestop.privacy;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the system already knows about the people a text concerns, so that they are masked
 * wherever they appear, not only where a cue such as 我叫 introduces them.
 *
 * @param knownNames real names of the writer and other people of the case; blank entries are
 * dropped, and names of a single character are ignored when masking because they would match
 * everywhere
 */
public record MaskingContext(Set<String> knownNames) {

    /** No known people: only cue-introduced names are masked. */
    public static final MaskingContext NONE = new MaskingContext(Set.of());

    public MaskingContext {
        Set<String> names = new HashSet<>();
        for (String name : knownNames) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        knownNames = Set.copyOf(names);
    }

    public static MaskingContext ofNames(String... names) {
        return ofNames(List.of(names));
    }

    public static MaskingContext ofNames(Collection<String> names) {
        return new MaskingContext(Set.copyOf(names));
    }

    /** Counts the names instead of listing them: this record holds exactly what must not reach a log. */
    @Override
    public String toString() {
        return "MaskingContext[knownNames=" + knownNames.size() + " names]";
    }
}

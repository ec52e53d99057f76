package io.logflux.release.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one shape every result takes: a map of strings, numbers, booleans, nulls, and lists and maps of those, in a
 * fixed key order. Jackson writes it as the CLI's {@code --json}; Pipeline scripts read it as a step's return value
 * (CPS persists it: nothing but JDK collections).
 */
final class PlainMap {
    private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();

    PlainMap put(String key, Object value) {
        entries.put(key, value);
        return this;
    }

    /** An enum as the lower-case word the maps use ("uploaded", "already_present"). */
    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** One plain map per item, in order. */
    static <T> ArrayList<Object> each(Collection<T> items, Function<T, PlainMap> map) {
        ArrayList<Object> list = new ArrayList<>();
        items.forEach(item -> list.add(map.apply(item).entries));
        return list;
    }

    LinkedHashMap<String, Object> toMap() {
        return entries;
    }
}

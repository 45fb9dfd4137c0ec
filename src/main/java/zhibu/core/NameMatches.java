package zhibu.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where names stand in a text, a longer name winning where two overlap (支部委员会 over 委员会): what the checklists'
 * actors and terms and the divisions of a jurisdiction are all found by.
 */
public final class NameMatches {
    /** One name found, from start (inclusive) to end. */
    public record Match(String name, int start, int end) {
    }

    private NameMatches() {
    }

    /** The names of a list ordered longest first, as they stand in a text without overlapping, in text order. */
    public static List<Match> in(String text, Iterable<String> longestFirst) {
        List<Match> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (String name : longestFirst) {
            if (name.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + name.length(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    java.util.Arrays.fill(taken, at, at + name.length(), true);
                    found.add(new Match(name, at, at + name.length()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }
}

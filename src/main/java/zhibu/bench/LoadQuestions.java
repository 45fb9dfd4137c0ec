package zhibu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import zhibu.core.BranchType;
import zhibu.core.Regions;

/**
 * Questions for a load run that do not repeat, so no cache (the question vectors', the operating system's) flatters
 * the figures: the dev questions as asked, and each asked of a province, of a branch type, and of both (湖南省 +
 * 高校 + 党员大会多久开一次), in a seeded order — the place and type steer the search, so each is a search of its own.
 */
public final class LoadQuestions {
    private LoadQuestions() {
    }

    /** At most {@code n} distinct questions built from {@code asked}, the questions as asked first. */
    public static List<String> distinct(List<String> asked, int n, long seed) {
        List<String> provinces = Regions.get().provinces();
        List<String> types = java.util.Arrays.stream(BranchType.values()).map(BranchType::label).toList();
        List<String> variants = new ArrayList<>();
        for (String q : asked) {
            provinces.forEach(p -> variants.add(p + q));
            types.forEach(t -> variants.add(t + q));
            for (String p : provinces) {
                types.forEach(t -> variants.add(p + t + q));
            }
        }
        Collections.shuffle(variants, new Random(seed));
        Set<String> out = new LinkedHashSet<>(asked);
        for (String v : variants) {
            if (out.size() >= n) {
                break;
            }
            out.add(v);
        }
        return List.copyOf(out).subList(0, Math.min(n, out.size()));
    }
}

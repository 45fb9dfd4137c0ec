package zhibu.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Every candidate one question found, with its features, so that many fusions can rank the same set (evaluation,
 * tuning, cross-validation) without searching again.
 */
public final class CandidateSet {
    private final List<Candidate> candidates;
    private final List<String> texts;

    CandidateSet(List<Candidate> candidates, List<String> texts) {
        this.candidates = List.copyOf(candidates);
        this.texts = List.copyOf(texts);
    }

    public int size() {
        return candidates.size();
    }

    /** The text of each candidate, in the set's order. */
    public List<String> texts() {
        return texts;
    }

    /**
     * The candidates' indexes, best first, as the fusion ranks them. The search puts a named place's candidates first
     * on top of this ({@link Constraint}); on the dev sets that changes no in-sample rank (the fusion's place feature
     * already puts them there), and applied inside tuning it moved the cross-validated figures by a question either
     * way, so evaluation and tuning rank by the fusion alone.
     */
    public int[] order(Fusion fusion) {
        List<Candidate> ranked = fusion.rank(candidates);
        int[] order = new int[ranked.size()];
        java.util.IdentityHashMap<Candidate, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i), i);
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = index.get(ranked.get(i));
        }
        return order;
    }

    static CandidateSet of(List<Candidate> candidates, List<String> texts) {
        return new CandidateSet(new ArrayList<>(candidates), texts);
    }
}

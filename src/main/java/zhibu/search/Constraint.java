package zhibu.search;

/**
 * A place the question names (湖南规定…, 苏州机关…), taken as the user's filter and shown as such: the clauses of that
 * place's documents rank first and the answer card comes from them. {@code applied} is false when no clause found
 * is from there (the search then ranks as without it) or when the user removed it ({@code constraints=none}).
 */
public record Constraint(String kind, String value, String label, boolean applied) {
    public static final String PLACE = "place";

    static Constraint place(String name, boolean applied) {
        return new Constraint(PLACE, name, "只看：" + name, applied);
    }

    /**
     * A ranking with the candidates from a place the question names first, each part in its order; the same list
     * when none is from there (or the question names none).
     */
    static java.util.List<Candidate> placesFirst(java.util.List<Candidate> ranked) {
        java.util.List<Candidate> there = new java.util.ArrayList<>();
        java.util.List<Candidate> elsewhere = new java.util.ArrayList<>();
        for (Candidate c : ranked) {
            (c.raw(Feature.PLACE) > 0 ? there : elsewhere).add(c);
        }
        if (there.isEmpty()) {
            return ranked;
        }
        there.addAll(elsewhere);
        return there;
    }
}

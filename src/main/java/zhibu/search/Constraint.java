package zhibu.search;

/**
 * A place or document the question names (湖南规定…, 苏州机关…, 按机关条例…), taken as the user's filter and shown as
 * such: the clauses of that place's documents, or of that document, rank first and the answer card comes from them. {@code applied} is false when no clause found
 * is from there (the search then ranks as without it) or when the user removed it ({@code constraints=none}).
 */
public record Constraint(String kind, String value, String label, boolean applied) {
    public static final String PLACE = "place";
    public static final String DOCUMENT = "document";

    static Constraint place(String name, boolean applied) {
        return new Constraint(PLACE, name, "只看：" + name, applied);
    }

    /** A document the question names (机关条例, 党费规定, 《…》): {@code value} is its id. */
    static Constraint document(NamedDocuments.Named document, boolean applied) {
        return new Constraint(DOCUMENT, document.docId(), "只看：《" + document.title() + "》", applied);
    }

    /**
     * A ranking with the candidates {@code there} accepts first, each part in its order; the same list when none is
     * accepted.
     */
    static java.util.List<Candidate> first(java.util.List<Candidate> ranked,
                                           java.util.function.Predicate<Candidate> there) {
        java.util.List<Candidate> inside = new java.util.ArrayList<>();
        java.util.List<Candidate> elsewhere = new java.util.ArrayList<>();
        for (Candidate c : ranked) {
            (there.test(c) ? inside : elsewhere).add(c);
        }
        if (inside.isEmpty()) {
            return ranked;
        }
        inside.addAll(elsewhere);
        return inside;
    }

    /**
     * A ranking with the candidates from a place the question names first, each part in its order; the same list
     * when none is from there (or the question names none).
     */
    static java.util.List<Candidate> placesFirst(java.util.List<Candidate> ranked) {
        return first(ranked, c -> c.raw(Feature.PLACE) > 0);
    }
}

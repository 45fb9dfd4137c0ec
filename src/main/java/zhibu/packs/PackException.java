package zhibu.packs;

/** A pack request refused, with the one sentence the user reads and what kind of refusal it is. */
public final class PackException extends RuntimeException {
    /** Why, with the HTTP status that says it. */
    public enum Problem {
        INVALID(400), NO_TOKEN(401), NOT_FOUND(404), STALE(409);

        private final int status;

        Problem(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Problem problem;

    public PackException(Problem problem, String sentence) {
        super(sentence);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

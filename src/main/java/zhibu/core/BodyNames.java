package zhibu.core;

/**
 * The endings of the words that name what a rule's number belongs to, as regular-expression alternatives: a grammatical
 * class, not a list of questions. Shared by the answer card (whose body a limit is of) and the search's check that
 * a card speaks of the body the question names.
 */
public final class BodyNames {
    /** A body, a meeting or an office: 中央委员会, 总支部委员会, 党员大会, 党小组, 支部书记. */
    public static final String BODIES = "委员会|代表大会|大会|党委|党组|总支|支部|小组|书记";
    /**
     * A category of person: 发展对象, 入党积极分子, 领导干部. Plain 党员 is not one: a rule on 党员 speaks of 毕业生党员
     * too.
     */
    public static final String PERSONS = "对象|分子|干部";

    private BodyNames() {
    }
}

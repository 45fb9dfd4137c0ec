package zhibu.core;

import java.util.Set;

/**
 * People and bodies a rule can bind apart from the branch itself: a number stated for them (党员领导干部每年讲1次
 * 党课, 上级党组织提前6个月提醒) is their duty, not the branch's, so it is neither the same requirement nor a variant
 * of one stated for the branch.
 */
public final class DutyHolders {
    public static final Set<String> PERSONS = Set.of("党员领导干部", "领导班子成员", "党支部书记", "支部书记", "书记",
            "副书记", "上级党组织");

    private DutyHolders() {
    }

    /** The persons a text names (党支部书记 also names 支部书记 and 书记). */
    public static Set<String> namedIn(String text) {
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (String p : PERSONS) {
            if (text.contains(p)) {
                named.add(p);
            }
        }
        return named;
    }
}

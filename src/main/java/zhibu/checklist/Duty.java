package zhibu.checklist;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who must do what a requirement says: the branch, its committee, its secretary, its party groups, its members — a
 * branch's checklist — or a body above it or the unit (换届提醒, 活动经费), which the branch can expect and which is
 * listed apart.
 */
public enum Duty {
    BRANCH("branch", "党支部"),
    COMMITTEE("committee", "支部委员会"),
    SECRETARY("secretary", "支部书记"),
    GROUP("group", "党小组"),
    MEMBER("member", "党员"),
    HIGHER("higher", "上级党组织");

    private final String label;
    private final String chinese;

    Duty(String label, String chinese) {
        this.label = label;
        this.chinese = chinese;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public String chinese() {
        return chinese;
    }

    public static Duty ofLabel(String label) {
        for (Duty d : values()) {
            if (d.label.equals(label.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("no duty '" + label + "' (branch, committee, secretary, group, member, higher)");
    }
}

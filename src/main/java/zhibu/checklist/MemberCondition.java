package zhibu.checklist;

/** A condition on the number of full members a requirement holds under ("有正式党员7人以上的", "不足3人的"). */
public record MemberCondition(Integer min, Integer max) {
    public boolean holdsFor(int members) {
        return (min == null || members >= min) && (max == null || members <= max);
    }
}

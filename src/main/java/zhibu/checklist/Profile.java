package zhibu.checklist;

/**
 * The branch a checklist is for: its type, its number of full members, whether it has party groups (党小组) and
 * Party-member leading cadres (党员领导干部) whose duties then show, and for a 高校 branch whether it is a
 * teachers' (教职工) or students' (学生) branch (null: both).
 */
public record Profile(String branchType, int members, boolean partyGroups, boolean leaders, String campus) {
    public static final java.util.List<String> CAMPUS_ROLES = java.util.List.of("教职工", "学生");

    public Profile(String branchType, int members, boolean partyGroups, boolean leaders) {
        this(branchType, members, partyGroups, leaders, null);
    }

    public static Profile of(String branchType, int members) {
        return new Profile(branchType, members, true, true, null);
    }
}

package zhibu.checklist;

import java.util.List;

/**
 * The branch a checklist is for: its type, its number of full members, whether it has party groups (党小组) and
 * Party-member leading cadres (党员领导干部) whose duties then show, for a 高校 branch whether it is a teachers'
 * (教职工) or students' (学生) branch (null: both), and where it is ({@code region}: a province, city or county as
 * documents name it; null: unknown, so only the central rules bind it).
 */
public record Profile(String branchType, int members, boolean partyGroups, boolean leaders, String campus,
                      String region) {
    public static final List<String> CAMPUS_ROLES = List.of("教职工", "学生");

    public static Profile of(String branchType, int members) {
        return new Profile(branchType, members, groupsBySize(members), true, null, null);
    }

    /**
     * Where a branch is, as a user names it (湖南省, 长沙市, 浏阳市, 陕西西安), by its full name from its province down
     * (湖南省长沙市浏阳市); empty when no division has that name, several share it, or it names the country — a branch
     * is somewhere (its documents may bind 全国).
     */
    public static java.util.Optional<String> place(String text) {
        return zhibu.core.Divisions.get().division(text).map(d -> d.jurisdiction().label());
    }

    /** Whether a branch of this size has party groups when not told: from {@value ChecklistBuilder#GROUPS_FROM} members. */
    public static boolean groupsBySize(int members) {
        return members >= ChecklistBuilder.GROUPS_FROM;
    }

    /** The same branch in a region. */
    public Profile in(String newRegion) {
        return new Profile(branchType, members, partyGroups, leaders, campus, newRegion);
    }
}

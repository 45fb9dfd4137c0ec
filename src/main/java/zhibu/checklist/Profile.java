package zhibu.checklist;

/**
 * The branch a checklist is for: its type, its number of full members, and whether it has party groups (党小组)
 * and Party-member leading cadres (党员领导干部) whose duties then show.
 */
public record Profile(String branchType, int members, boolean partyGroups, boolean leaders) {
    public static Profile of(String branchType, int members) {
        return new Profile(branchType, members, true, true);
    }
}

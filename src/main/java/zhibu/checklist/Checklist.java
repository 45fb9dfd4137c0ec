package zhibu.checklist;

import java.util.List;

/**
 * The checklist of a profile: its items in category order (the branch's own, then what the bodies above and its unit
 * owe it), notes on the profile itself (分设, what was left out and why), and — for a branch whose region is not
 * given — what local documents say that no central rule states alike, as 各地做法（参考）, never as its duties.
 */
public record Checklist(Profile profile, List<ChecklistItem> items, List<String> notes,
                        List<ChecklistItem> references) {
    public static final List<String> CATEGORIES = List.of("组织设置", "队伍建设", "组织生活", "阵地建设", "工作制度",
            "经费保障", "作用发挥");
}

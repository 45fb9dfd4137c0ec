package zhibu.checklist;

import java.util.List;

/** The checklist of a profile: its items in category order, and notes on the profile itself (分设, 联合党支部 …). */
public record Checklist(Profile profile, List<ChecklistItem> items, List<String> notes) {
    public static final List<String> CATEGORIES = List.of("组织设置", "队伍建设", "组织生活", "阵地建设", "工作制度",
            "经费保障", "作用发挥");
}

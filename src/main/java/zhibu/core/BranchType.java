package zhibu.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The kinds of Party branch the contract names; each knows the words that point to it. */
public enum BranchType {
    机关("机关", "机关"),
    高校("高校", "高校|高等学校|高等院校"),
    中小学("中小学", "中小学"),
    国有企业("国有企业", "国有企业|国企"),
    非公企业("非公企业", "非公有制经济组织|非公有制企业|非公企业|非公经济|两新"),
    社会组织("社会组织", "社会组织|两新"),
    农村("农村", "农村|村（社区）|村\\(社区\\)|行政村|村级|村党组织"),
    社区("社区", "社区|街道");

    private final String label;
    private final Pattern words;

    BranchType(String label, String words) {
        this.label = label;
        this.words = Pattern.compile(words);
    }

    public String label() {
        return label;
    }

    public static List<BranchType> all() {
        return List.of(values());
    }

    public static Optional<BranchType> fromLabel(String label) {
        for (BranchType t : values()) {
            if (t.label.equals(label.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The contract's labels of a set of types, in the contract's order. */
    public static List<String> labels(java.util.Collection<BranchType> types) {
        return types.stream().sorted().map(BranchType::label).toList();
    }

    /** How often this type's words occur in a text. */
    public int count(String text) {
        int n = 0;
        var m = words.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The types whose words occur in a short text such as a title. */
    public static Set<BranchType> mentionedIn(String text) {
        Set<BranchType> found = EnumSet.noneOf(BranchType.class);
        for (BranchType t : values()) {
            if (t.words.matcher(text).find()) {
                found.add(t);
            }
        }
        return found;
    }
}

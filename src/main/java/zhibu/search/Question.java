package zhibu.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import zhibu.analysis.QuestionWords;
import zhibu.core.Regions;
import zhibu.core.BranchType;

/**
 * What a question says besides its words: places it names (taken out of the words, they steer instead), branch
 * types it names, and whether it asks how often or how much.
 */
public record ParsedQuestion(String words, List<String> places, Set<BranchType> branchTypes,
                             Set<QuestionWords.Intent> intents) {
    private static final Pattern VILLAGE = Pattern.compile("村(?!委会|民委员会)");
    private static final Pattern CAMPUS = Pattern.compile("学生|教职工|院系|二级学院");
    /** 三个人 is how people say 3人: the classifier goes so the count meets the rules' wording. */
    private static final Pattern COUNT_OF_PEOPLE = Pattern.compile("(\\d+|[一二两三四五六七八九十]+)个人");

    public static ParsedQuestion of(String question) {
        String q = question.strip();
        List<String> places = Regions.get().mentionedIn(q);
        String words = q;
        for (String place : places) {
            words = words.replace(place, " ");
        }
        Set<BranchType> types = EnumSet.noneOf(BranchType.class);
        types.addAll(BranchType.mentionedIn(q));
        if (VILLAGE.matcher(q).find()) {
            types.add(BranchType.农村);
        }
        if (CAMPUS.matcher(q).find() && !q.contains("中小学")) {
            types.add(BranchType.高校);
        }
        words = COUNT_OF_PEOPLE.matcher(words).replaceAll("$1人");
        if (words.isBlank()) { // a question that is only a place name still searches for it
            words = q;
        }
        return new ParsedQuestion(words.strip(), places, types, QuestionWords.get().intentsOf(q));
    }
}
